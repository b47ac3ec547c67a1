// The scalp map seen from above (face at the top): zones, the hairline and its handles over the dots. Everything in
// the SVG is in map millimetres; the canvas underneath holds the dots at the same scale.

import { insertZoneVertex, moveHairlinePoint, moveZone, moveZoneVertex, type Point } from "./design";
import { arrowNudge, DragSurface, format, svg } from "./dom";
import { hairlinePolyline } from "./geometry";
import type { EditorHost } from "./host";
import { drawDots, LinearCanvas } from "./raster";

const view = { x: -175, y: -8, width: 350, height: 290 };
const skin = [0xd8, 0xb0, 0x94];

export class MapView {
  private readonly canvas: HTMLCanvasElement;
  private readonly overlay: SVGSVGElement;
  private readonly layers: { zones: SVGGElement; hairline: SVGGElement; handles: SVGGElement };
  private readonly drag: DragSurface;
  private skin: LinearCanvas | null = null;
  private linear: LinearCanvas | null = null;
  private image: ImageData | null = null;

  constructor(private readonly root: HTMLElement, private readonly host: EditorHost) {
    root.classList.add("ds-map");
    this.canvas = document.createElement("canvas");
    this.canvas.className = "ds-map-dots";
    this.canvas.setAttribute("aria-hidden", "true");
    this.overlay = svg("svg", { viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`, class: "ds-map-overlay", role: "group", "aria-label": "Scalp map seen from above, face at the top" });
    root.append(this.canvas, this.overlay);
    this.drag = new DragSurface(this.overlay);
    this.drawGrid();
    this.layers = {
      zones: svg("g", { class: "ds-zones" }, this.overlay),
      hairline: svg("g", { class: "ds-hairline" }, this.overlay),
      handles: svg("g", { class: "ds-handles" }, this.overlay),
    };
    new ResizeObserver(() => this.drawDots()).observe(root);
  }

  drawDots(): void {
    const rect = this.root.getBoundingClientRect();
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext("2d");
    if (!ctx) {
      return;
    }
    // The plain skin in linear light is made once per canvas size; each frame starts from a copy of it.
    if (!this.skin || this.skin.width !== width || this.skin.height !== height || !this.image) {
      this.image = ctx.createImageData(width, height);
      for (let i = 0; i < this.image.data.length; i += 4) {
        this.image.data[i] = skin[0]!;
        this.image.data[i + 1] = skin[1]!;
        this.image.data[i + 2] = skin[2]!;
        this.image.data[i + 3] = 255;
      }
      this.skin = new LinearCanvas(width, height);
      this.skin.load(this.image);
      this.linear = new LinearCanvas(width, height);
    }
    const image = this.image;
    const linear = this.linear!;
    linear.rgb.set(this.skin.rgb);
    const { dots, dotsDesign } = this.host;
    if (dots && dotsDesign) {
      // The SVG's viewBox is centred and scaled to fit ("meet"); the canvas follows the same mapping.
      const scale = Math.min(width / view.width, height / view.height);
      const ox = (width - view.width * scale) / 2 - view.x * scale;
      const oy = (height - view.height * scale) / 2 - view.y * scale;
      drawDots(linear, dots, dotsDesign, this.host.look, this.host.params, { m: Float64Array.of(scale, 0, ox, 0, scale, oy, 0, 0, 1), maxMapY: Infinity });
    }
    linear.store(image);
    ctx.putImageData(image, 0, 0);
  }

  private toMap(clientX: number, clientY: number): Point {
    const matrix = this.overlay.getScreenCTM();
    if (!matrix) {
      return [0, 0];
    }
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return [p.x, p.y];
  }

  private drawGrid(): void {
    const grid = svg("g", { class: "ds-grid", "aria-hidden": "true" }, this.overlay);
    for (let x = -160; x <= 160; x += 20) {
      svg("line", { x1: x, y1: 0, x2: x, y2: 280, class: x === 0 ? "ds-grid-mid" : "" }, grid);
    }
    for (let y = 0; y <= 280; y += 20) {
      svg("line", { x1: -170, y1: y, x2: 170, y2: y }, grid);
    }
    for (const landmark of this.host.landmarks) {
      const g = svg("g", { class: "ds-landmark", transform: `translate(${landmark.x} ${landmark.y})` }, grid);
      svg("path", { d: "M -3 0 H 3 M 0 -3 V 3" }, g);
      const label = svg("text", { x: 4, y: -3 }, g);
      label.textContent = landmark.label;
    }
    const bar = svg("g", { class: "ds-scalebar", transform: "translate(-165 272)" }, grid);
    svg("path", { d: "M 0 0 H 20 M 0 -2 V 2 M 20 -2 V 2" }, bar);
    const label = svg("text", { x: 23, y: 2 }, bar);
    label.textContent = "2 cm";
  }

  drawShapes(): void {
    const { design, selection } = this.host;
    this.layers.zones.replaceChildren();
    this.layers.hairline.replaceChildren();
    this.layers.handles.replaceChildren();

    design.zones.forEach((zone, z) => {
      const selected = selection?.kind === "zone" && selection.zone === z;
      const polygon = svg("polygon", {
        points: zone.polygon.map((p) => p.join(",")).join(" "),
        class: `ds-zone ds-zone-${zone.kind}${selected ? " is-selected" : ""}`,
        "data-zone": z,
      }, this.layers.zones);
      const title = svg("title", {}, polygon);
      title.textContent = `${zone.name}: drag to move`;
      if (this.host.canEdit) {
        let start: Point = [0, 0];
        let origin = design;
        this.drag.register(polygon, (phase, cx, cy) => {
          const p = this.toMap(cx, cy);
          if (phase === "start") {
            start = p;
            origin = this.host.design;
            this.host.select({ kind: "zone", zone: z, vertex: null });
          } else if (phase === "move") {
            this.host.edit(moveZone(origin, z, p[0] - start[0], p[1] - start[1]));
          } else {
            this.host.endEdit();
          }
        });
      } else {
        polygon.addEventListener("click", () => this.host.select({ kind: "zone", zone: z, vertex: null }));
      }
    });

    const line = hairlinePolyline(design.hairline.points);
    svg("polyline", { points: line.map((p) => `${p[0].toFixed(2)},${p[1].toFixed(2)}`).join(" "), class: "ds-hairline-path" }, this.layers.hairline);

    if (selection?.kind === "zone") {
      this.zoneHandles(selection.zone, selection.vertex);
    }
    design.hairline.points.forEach((point, i) => {
      const selected = selection?.kind === "hairline" && selection.index === i;
      this.handle(point, `Hairline point ${i + 1} of ${design.hairline.points.length}`, `ds-handle ds-handle-hairline${selected ? " is-selected" : ""}`, "hairline", i,
        () => this.host.select({ kind: "hairline", index: i }),
        (d, x, y) => moveHairlinePoint(d, i, x, y));
    });
  }

  private zoneHandles(z: number, selectedVertex: number | null): void {
    const zone = this.host.design.zones[z];
    if (!zone || !this.host.canEdit) {
      return;
    }
    zone.polygon.forEach((point, v) => {
      const next = zone.polygon[(v + 1) % zone.polygon.length]!;
      const mid: Point = [(point[0] + next[0]) / 2, (point[1] + next[1]) / 2];
      // A "+" between two corners: dragging it adds a corner there.
      const add = svg("g", { class: "ds-handle-add", transform: `translate(${mid[0]} ${mid[1]})`, tabindex: 0, role: "button", "aria-label": `Add a corner to ${zone.name} between corners ${v + 1} and ${((v + 1) % zone.polygon.length) + 1}` }, this.layers.handles);
      svg("circle", { r: 5, class: "ds-hit" }, add);
      svg("circle", { r: 1.8 }, add);
      let index = -1;
      this.drag.register(add, (phase, cx, cy) => {
        const p = this.toMap(cx, cy);
        if (phase === "start") {
          const inserted = insertZoneVertex(this.host.design, z, v);
          index = inserted.index;
          this.host.edit(inserted.design);
          this.host.select({ kind: "zone", zone: z, vertex: index });
        } else if (phase === "move") {
          this.host.edit(moveZoneVertex(this.host.design, z, index, p[0], p[1]));
        } else {
          this.host.endEdit();
        }
      });
      add.addEventListener("keydown", (e) => {
        const event = e as KeyboardEvent;
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          const inserted = insertZoneVertex(this.host.design, z, v);
          this.host.apply(inserted.design);
          this.host.select({ kind: "zone", zone: z, vertex: inserted.index });
        }
      });
    });
    zone.polygon.forEach((point, v) => {
      this.handle(point, `${zone.name}, corner ${v + 1} of ${zone.polygon.length}`, `ds-handle ds-handle-zone${selectedVertex === v ? " is-selected" : ""}`, "zone", v,
        () => this.host.select({ kind: "zone", zone: z, vertex: v }),
        (d, x, y) => moveZoneVertex(d, z, v, x, y));
    });
  }

  /** A focusable handle: drag it, or nudge it with the arrow keys (1 mm, 5 mm with Shift); Delete removes it. */
  private handle(point: Point, label: string, className: string, kind: string, index: number, select: () => void, move: (design: typeof this.host.design, x: number, y: number) => typeof this.host.design): void {
    const g = svg("g", {
      class: className,
      transform: `translate(${point[0]} ${point[1]})`,
      tabindex: 0,
      role: "button",
      "aria-label": `${label}: ${format(point[0])} mm across, ${format(point[1])} mm back. Arrow keys move it.`,
      "data-kind": kind,
      "data-index": index,
    }, this.layers.handles);
    svg("circle", { r: 6, class: "ds-hit" }, g);
    svg("circle", { r: 2.6, class: "ds-dot" }, g);
    if (!this.host.canEdit) {
      g.addEventListener("click", select);
      return;
    }
    this.drag.register(g, (phase, cx, cy) => {
      const p = this.toMap(cx, cy);
      if (phase === "start") {
        select();
      } else if (phase === "move") {
        this.host.edit(move(this.host.design, p[0], p[1]));
      } else {
        this.host.endEdit();
        this.refocus(kind, index);
      }
    });
    g.addEventListener("focus", () => {
      const s = this.host.selection;
      const already = kind === "hairline" ? s?.kind === "hairline" && s.index === index : s?.kind === "zone" && s.vertex === index;
      if (!already) {
        select();
        this.refocus(kind, index);
      }
    });
    g.addEventListener("keydown", (e) => {
      const event = e as KeyboardEvent;
      const nudge = arrowNudge(event);
      if (nudge) {
        event.preventDefault();
        this.host.apply(move(this.host.design, point[0] + nudge[0], point[1] + nudge[1]));
        this.refocus(kind, index);
      } else if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        this.host.removeSelectedPoint();
      }
    });
  }

  /** Handles are redrawn on every change; give focus back to the one that had it. */
  private refocus(kind: string, index: number): void {
    const element = this.layers.handles.querySelector<SVGGElement>(`[data-kind="${kind}"][data-index="${index}"]`);
    element?.focus();
  }
}
