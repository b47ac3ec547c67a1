// Small DOM helpers: SVG elements, pointer dragging that works the same for mouse, touch and pen, and keyboard nudging.

const svgNs = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  parent?.appendChild(element);
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

export type DragPhase = "start" | "move" | "end";

export type DragHandler = (phase: DragPhase, clientX: number, clientY: number, event: PointerEvent) => void;

/**
 * Dragging with any pointer (mouse, finger, pen) for elements inside one surface. The surface, which is never
 * redrawn, captures the pointer, so handles can be redrawn freely while they move and a fast drag never loses them;
 * a cancelled touch ends the drag like a release.
 */
export class DragSurface {
  private readonly handlers = new WeakMap<Element, DragHandler>();
  private active: { id: number; handler: DragHandler } | null = null;

  constructor(surface: Element, fallback?: DragHandler) {
    surface.addEventListener("pointerdown", (e) => {
      const event = e as PointerEvent;
      if (this.active !== null || (event.pointerType === "mouse" && event.button !== 0)) {
        return;
      }
      let handler: DragHandler | undefined;
      for (let node = event.target as Element | null; node && node !== surface.parentElement; node = node.parentElement) {
        handler = this.handlers.get(node);
        if (handler) {
          break;
        }
      }
      handler ??= fallback;
      if (!handler) {
        return;
      }
      this.active = { id: event.pointerId, handler };
      (surface as HTMLElement).setPointerCapture?.(event.pointerId);
      event.preventDefault();
      handler("start", event.clientX, event.clientY, event);
    });
    surface.addEventListener("pointermove", (e) => {
      const event = e as PointerEvent;
      if (this.active?.id === event.pointerId) {
        event.preventDefault();
        this.active.handler("move", event.clientX, event.clientY, event);
      }
    });
    const finish = (e: Event): void => {
      const event = e as PointerEvent;
      if (this.active?.id === event.pointerId) {
        const { handler } = this.active;
        this.active = null;
        handler("end", event.clientX, event.clientY, event);
      }
    };
    surface.addEventListener("pointerup", finish);
    surface.addEventListener("pointercancel", finish);
  }

  get dragging(): boolean {
    return this.active !== null;
  }

  register(element: Element, handler: DragHandler): void {
    this.handlers.set(element, handler);
  }
}

/** Arrow keys as a nudge: 1 unit, 5 with Shift. Returns null for other keys. */
export function arrowNudge(event: KeyboardEvent): [number, number] | null {
  const step = event.shiftKey ? 5 : 1;
  switch (event.key) {
    case "ArrowLeft": return [-step, 0];
    case "ArrowRight": return [step, 0];
    case "ArrowUp": return [0, -step];
    case "ArrowDown": return [0, step];
    default: return null;
  }
}

export function format(value: number, digits = 1): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
