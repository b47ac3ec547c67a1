// A consultation photo with the design laid over it. The four alignment handles (glabella, both temporal points,
// vertex) tie the scalp map to the photo by a projective transform, so the dots land where they would be tattooed,
// at their real size: the scale bar shows what 10 mm is at the hairline.

import { moveHairlinePoint, type Point } from "./design";
import { arrowNudge, DragSurface, format, svg } from "./dom";
import { hairlinePolyline, Homography, midlineY } from "./geometry";
import { type EditorHost, landmarkPoints } from "./host";
import { drawDots, headOutline, LinearCanvas } from "./raster";

export interface PhotoInfo {
  id: string;
  angle: string;
  label: string;
  url: string;
  displayWidth: number;
  displayHeight: number;
  /** Normalised display coordinates of each landmark, keyed glabella, rightTemporal, leftTemporal, vertex. */
  alignment: Record<string, { x: number; y: number }> | null;
}

/** Where the landmarks probably are before anyone drags them, as fractions of the picture. */
export function guessAlignment(angle: string): Record<string, { x: number; y: number }> {
  if (angle === "top" || angle === "crown") {
    return { glabella: { x: 0.5, y: 0.92 }, rightTemporal: { x: 0.26, y: 0.62 }, leftTemporal: { x: 0.74, y: 0.62 }, vertex: { x: 0.5, y: 0.3 } };
  }
  return { glabella: { x: 0.5, y: 0.78 }, rightTemporal: { x: 0.3, y: 0.45 }, leftTemporal: { x: 0.7, y: 0.45 }, vertex: { x: 0.5, y: 0.1 } };
}

/** Zoom and pan shared by the before and after views: screen = photo pixel × zoom + pan (CSS pixels). */
export class Camera {
  fit = true;
  zoom = 1;
  panX = 0;
  panY = 0;
  private readonly listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }

  /** Fits the picture in a stage of the given size. */
  applyFit(stageWidth: number, stageHeight: number, photoWidth: number, photoHeight: number): void {
    this.zoom = Math.min(stageWidth / photoWidth, stageHeight / photoHeight);
    this.panX = (stageWidth - photoWidth * this.zoom) / 2;
    this.panY = (stageHeight - photoHeight * this.zoom) / 2;
  }

  /** Zooms to a fixed ratio of screen to photo pixels, keeping the photo point (px, py) at the stage centre. */
  zoomTo(zoom: number, stageWidth: number, stageHeight: number, px: number, py: number): void {
    this.fit = false;
    this.zoom = zoom;
    this.panX = stageWidth / 2 - px * zoom;
    this.panY = stageHeight / 2 - py * zoom;
    this.changed();
  }
}

export type PhotoMode = "design" | "align";

export class PhotoView {
  photo: PhotoInfo | null = null;
  image: HTMLImageElement | null = null;
  alignment: Record<string, { x: number; y: number }> | null = null;
  mode: PhotoMode = "design";
  showDots: boolean;
  /** Called while an alignment handle moves and when it is let go. */
  onAlignmentChange: ((final: boolean) => void) | null = null;

  private readonly stage: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly overlay: SVGSVGElement;
  private readonly drag: DragSurface;
  private linear: LinearCanvas | null = null;
  private base: LinearCanvas | null = null;
  private image8: ImageData | null = null;
  private baseKey = "";

  constructor(root: HTMLElement, private readonly host: EditorHost, private readonly camera: Camera, options: { showDots: boolean; interactive: boolean; label: string }) {
    this.showDots = options.showDots;
    root.classList.add("ds-photo");
    this.stage = document.createElement("div");
    this.stage.className = "ds-photo-stage";
    this.canvas = document.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", options.label);
    this.overlay = svg("svg", { class: "ds-photo-overlay" });
    this.stage.append(this.canvas, this.overlay);
    const caption = document.createElement("span");
    caption.className = "ds-photo-caption";
    caption.textContent = options.label;
    this.stage.append(caption);
    root.append(this.stage);
    this.drag = new DragSurface(this.overlay, options.interactive ? (phase, x, y) => this.pan(phase, x, y) : undefined);
    new ResizeObserver(() => this.render()).observe(this.stage);
    camera.onChange(() => this.render());
  }

  /** The transform from map mm to photo pixels, or null when the photo is not aligned well enough to draw on. */
  homography(): Homography | null {
    if (!this.photo || !this.alignment) {
      return null;
    }
    const { displayWidth: w, displayHeight: h } = this.photo;
    const to = this.host.landmarks.map((l) => {
      const a = this.alignment![l.key]!;
      return [a.x * w, a.y * h] as Point;
    });
    return Homography.fromPairs(landmarkPoints(this.host.landmarks), to);
  }

  /** The photo pixel the design's mid-frontal point falls on, for zooming in where it matters. */
  focusPoint(): Point {
    const h = this.homography();
    const mid = midlineY(hairlinePolyline(this.host.design.hairline.points));
    const p = h && mid !== null ? h.map(0, mid) : null;
    return p ?? [(this.photo?.displayWidth ?? 0) / 2, (this.photo?.displayHeight ?? 0) / 2];
  }

  stageSize(): [number, number] {
    const rect = this.stage.getBoundingClientRect();
    return [rect.width, rect.height];
  }

  render(): void {
    this.drawPicture();
    this.drawOverlay();
  }

  /** Draws the photo and, on the "after" view, the dots. */
  drawPicture(): void {
    const [cssWidth, cssHeight] = this.stageSize();
    if (cssWidth < 1 || cssHeight < 1) {
      // Hidden (the "before" view when not comparing): nothing to draw, and the shared camera must not fit to nothing.
      return;
    }
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = Math.max(1, Math.round(cssWidth * ratio));
    const height = Math.max(1, Math.round(cssHeight * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) {
      return;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#1d1f22";
    ctx.fillRect(0, 0, width, height);
    if (!this.photo || !this.image) {
      return;
    }
    if (this.camera.fit) {
      this.camera.applyFit(cssWidth, cssHeight, this.photo.displayWidth, this.photo.displayHeight);
    }
    const z = this.camera.zoom * ratio;
    const h = this.homography();
    const { dots, dotsDesign } = this.host;
    const withDots = this.showDots && h !== null && dots !== null && dotsDesign !== null;
    // The photo as it sits in the canvas, decoded to linear light, is kept until the view moves: a new set of dots
    // then costs a copy, the dots and the encoding, not a redraw and read-back of the photo.
    const key = `${this.photo.id}|${width}x${height}|${z}|${this.camera.panX}|${this.camera.panY}`;
    if (!withDots || key !== this.baseKey || !this.base || !this.image8) {
      ctx.imageSmoothingEnabled = z < 1;
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(this.image, this.camera.panX * ratio, this.camera.panY * ratio, this.photo.displayWidth * z, this.photo.displayHeight * z);
      if (!withDots) {
        this.baseKey = "";
        return;
      }
      this.image8 = ctx.getImageData(0, 0, width, height);
      this.base = new LinearCanvas(width, height);
      this.base.load(this.image8);
      this.baseKey = key;
    }
    if (!this.linear || this.linear.width !== width || this.linear.height !== height) {
      this.linear = new LinearCanvas(width, height);
    }
    this.linear.rgb.set(this.base.rgb);
    const image = this.image8;
    // Screen = photo × z + pan, composed with the map → photo transform.
    const m = h.h;
    const px = this.camera.panX * ratio;
    const py = this.camera.panY * ratio;
    const screen = Float64Array.of(
      z * m[0]! + px * m[6]!, z * m[1]! + px * m[7]!, z * m[2]! + px * m[8]!,
      z * m[3]! + py * m[6]!, z * m[4]! + py * m[7]!, z * m[5]! + py * m[8]!,
      m[6]!, m[7]!, m[8]!);
    const vertex = this.host.landmarks.find((l) => l.key === "vertex");
    const front = this.photo.angle === "front";
    const maxMapY = front && vertex ? vertex.y + 10 : Infinity;
    // On a front photo, only on the head: the outline through the handles, in canvas pixels.
    const a = this.alignment!;
    const toCanvas = (key: string): [number, number] => [a[key]!.x * this.photo!.displayWidth * z + px, a[key]!.y * this.photo!.displayHeight * z + py];
    const outline = front ? headOutline(toCanvas("rightTemporal"), toCanvas("leftTemporal"), toCanvas("vertex")) : null;
    drawDots(this.linear, dots!, dotsDesign!, this.host.look, this.host.params, { m: screen, maxMapY, outline });
    this.linear.store(image);
    ctx.putImageData(image, 0, 0);
  }

  /** Map mm → stage CSS pixels through the photo's alignment and the camera. */
  private toStage(h: Homography, x: number, y: number): Point | null {
    const p = h.map(x, y);
    return p ? [p[0] * this.camera.zoom + this.camera.panX, p[1] * this.camera.zoom + this.camera.panY] : null;
  }

  drawOverlay(): void {
    const [width, height] = this.stageSize();
    this.overlay.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.overlay.replaceChildren();
    if (!this.photo) {
      return;
    }
    if (this.mode === "align" && this.onAlignmentChange) {
      this.drawAlignmentHandles();
      return;
    }
    const h = this.homography();
    if (!h || !this.onAlignmentChange) {
      return;
    }
    const line = hairlinePolyline(this.host.design.hairline.points)
      .map((p) => this.toStage(h, p[0], p[1]))
      .filter((p): p is Point => p !== null);
    svg("polyline", { points: line.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(" "), class: "ds-photo-hairline" }, this.overlay);
    this.drawScaleBar(h);
    if (!this.host.canEdit) {
      return;
    }
    const inverse = h.inverse();
    this.host.design.hairline.points.forEach((point, i) => {
      const at = this.toStage(h, point[0], point[1]);
      if (!at || !inverse) {
        return;
      }
      const selected = this.host.selection?.kind === "hairline" && this.host.selection.index === i;
      const g = svg("g", {
        class: `ds-handle ds-handle-hairline${selected ? " is-selected" : ""}`,
        transform: `translate(${at[0].toFixed(1)} ${at[1].toFixed(1)})`,
        tabindex: 0,
        role: "button",
        "aria-label": `Hairline point ${i + 1}: ${format(point[0])} mm across, ${format(point[1])} mm back. Arrow keys move it.`,
        "data-index": i,
      }, this.overlay);
      svg("circle", { r: 16, class: "ds-hit" }, g);
      svg("circle", { r: 6, class: "ds-dot" }, g);
      this.drag.register(g, (phase, cx, cy) => {
        if (phase === "start") {
          this.host.select({ kind: "hairline", index: i });
          return;
        }
        if (phase === "end") {
          this.host.endEdit();
          return;
        }
        const rect = this.overlay.getBoundingClientRect();
        const photoX = (cx - rect.left - this.camera.panX) / this.camera.zoom;
        const photoY = (cy - rect.top - this.camera.panY) / this.camera.zoom;
        const mapPoint = inverse.map(photoX, photoY, true);
        if (mapPoint) {
          this.host.edit(moveHairlinePoint(this.host.design, i, mapPoint[0], mapPoint[1]));
        }
      });
      g.addEventListener("keydown", (e) => {
        const event = e as KeyboardEvent;
        const nudge = arrowNudge(event);
        if (nudge) {
          event.preventDefault();
          // Arrows move the point on the photo as seen (about 1 mm a press), whatever way the map lies on it.
          const photoPoint = h.map(point[0], point[1]);
          const pxPerMm = h.scaleAt(point[0], point[1]);
          const mapPoint = photoPoint ? inverse.map(photoPoint[0] + nudge[0] * pxPerMm, photoPoint[1] + nudge[1] * pxPerMm, true) : null;
          if (mapPoint) {
            this.host.apply(moveHairlinePoint(this.host.design, i, mapPoint[0], mapPoint[1]));
          }
          this.overlay.querySelector<SVGGElement>(`[data-index="${i}"]`)?.focus();
        }
      });
    });
  }

  /** A bar a round number of millimetres long at the hairline's mid-point, so the dots' spacing can be judged. */
  private drawScaleBar(h: Homography): void {
    const mid = midlineY(hairlinePolyline(this.host.design.hairline.points)) ?? 80;
    const pxPerMm = h.scaleAt(0, mid) * this.camera.zoom;
    if (!(pxPerMm > 0)) {
      return;
    }
    const mm = [1, 2, 5, 10, 20, 50].find((n) => n * pxPerMm >= 60) ?? 50;
    const length = mm * pxPerMm;
    const [, height] = this.stageSize();
    const g = svg("g", { class: "ds-photo-scale", transform: `translate(16 ${height - 22})` }, this.overlay);
    const rect = svg("rect", { x: -8, y: -14, width: length + 24, height: 28, rx: 4 }, g);
    svg("path", { d: `M 0 0 H ${length.toFixed(1)} M 0 -6 V 6 M ${length.toFixed(1)} -6 V 6` }, g);
    const text = svg("text", { x: length + 10, y: 4 }, g);
    text.textContent = `${mm} mm at the hairline`;
    rect.setAttribute("width", String(length + 26 + text.getComputedTextLength()));
  }

  private drawAlignmentHandles(): void {
    const photo = this.photo!;
    const alignment = this.alignment!;
    const toStage = (key: string): Point => {
      const a = alignment[key]!;
      return [a.x * photo.displayWidth * this.camera.zoom + this.camera.panX, a.y * photo.displayHeight * this.camera.zoom + this.camera.panY];
    };
    const order = ["glabella", "rightTemporal", "vertex", "leftTemporal"];
    svg("polygon", { points: order.map((k) => toStage(k).join(",")).join(" "), class: "ds-align-quad" }, this.overlay);
    const h = this.homography();
    if (h) {
      const line = hairlinePolyline(this.host.design.hairline.points)
        .map((p) => this.toStage(h, p[0], p[1]))
        .filter((p): p is Point => p !== null);
      svg("polyline", { points: line.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(" "), class: "ds-photo-hairline is-faint" }, this.overlay);
      this.drawScaleBar(h);
    }
    for (const landmark of this.host.landmarks) {
      const [x, y] = toStage(landmark.key);
      const g = svg("g", {
        class: "ds-handle ds-handle-landmark",
        transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`,
        tabindex: 0,
        role: "button",
        "aria-label": `${landmark.label}: drag onto the client's ${landmark.label.toLowerCase()}. Arrow keys move it.`,
        "data-landmark": landmark.key,
      }, this.overlay);
      svg("circle", { r: 18, class: "ds-hit" }, g);
      svg("circle", { r: 7, class: "ds-dot" }, g);
      svg("path", { d: "M -12 0 H -4 M 4 0 H 12 M 0 -12 V -4 M 0 4 V 12", class: "ds-cross" }, g);
      const label = svg("text", { x: 12, y: -12 }, g);
      label.textContent = landmark.label;
      const moveTo = (nx: number, ny: number): void => {
        alignment[landmark.key] = { x: Math.min(Math.max(nx, -1), 2), y: Math.min(Math.max(ny, -1), 2) };
      };
      this.drag.register(g, (phase, cx, cy) => {
        if (phase !== "start") {
          const rect = this.overlay.getBoundingClientRect();
          moveTo((cx - rect.left - this.camera.panX) / this.camera.zoom / photo.displayWidth, (cy - rect.top - this.camera.panY) / this.camera.zoom / photo.displayHeight);
          this.onAlignmentChange?.(phase === "end");
        }
      });
      g.addEventListener("keydown", (e) => {
        const event = e as KeyboardEvent;
        const nudge = arrowNudge(event);
        if (nudge) {
          event.preventDefault();
          const a = alignment[landmark.key]!;
          moveTo(a.x + nudge[0] / photo.displayWidth, a.y + nudge[1] / photo.displayHeight);
          this.onAlignmentChange?.(true);
          this.overlay.querySelector<SVGGElement>(`[data-landmark="${landmark.key}"]`)?.focus();
        }
      });
    }
  }

  private panStart: [number, number, number, number] | null = null;

  private pan(phase: string, x: number, y: number): void {
    if (this.camera.fit) {
      return;
    }
    if (phase === "start") {
      this.panStart = [x, y, this.camera.panX, this.camera.panY];
    } else if (this.panStart) {
      this.camera.panX = this.panStart[2] + (x - this.panStart[0]);
      this.camera.panY = this.panStart[3] + (y - this.panStart[1]);
      this.camera.changed();
      if (phase === "end") {
        this.panStart = null;
      }
    }
  }
}
