// Draws the engine's dots over a picture, in linear light, with the same look model as Core's LookModel and
// DotRasterizer: each dot a soft disc of its zone's shade at its session's strength, with a faint scatter shadow
// under it; a dot smaller than a pixel still lays down its ink (area × opacity), so a healed head reads as a fine
// stubble tone at any zoom instead of vanishing or turning into a grid.

import type { Design } from "./design";

/** One record per dot, decoded from the 16-byte binary form (docs/design-format.md). */
export interface DotSet {
  count: number;
  x: Float32Array;
  y: Float32Array;
  diameter: Float32Array;
  session: Uint8Array;
  zone: Uint8Array;
}

export function decodeDots(buffer: ArrayBuffer): DotSet {
  const count = Math.floor(buffer.byteLength / 16);
  const view = new DataView(buffer);
  const set: DotSet = {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    diameter: new Float32Array(count),
    session: new Uint8Array(count),
    zone: new Uint8Array(count),
  };
  for (let i = 0, o = 0; i < count; i++, o += 16) {
    set.x[i] = view.getFloat32(o, true);
    set.y[i] = view.getFloat32(o + 4, true);
    set.diameter[i] = view.getFloat32(o + 8, true);
    set.session[i] = view.getUint8(o + 12);
    set.zone[i] = view.getUint8(o + 13);
  }
  return set;
}

/** Core's LookParameters, sent by the page. */
export interface LookParameters {
  healedEdgeMm: number;
  freshDiameterScale: number;
  freshColourScale: number;
  freshEdgeMm: number;
  agedStrengthPerYear: number;
  agedDiameterGrowth: number;
  agedGrowthYears: number;
  agedEdgePerYearMm: number;
  scatterMm: number;
  scatterOpacity: number;
}

export type LookName = "fresh" | "healed" | "aged";

export interface LookChoice {
  look: LookName;
  years: number;
  /** Draw sessions 1…session. */
  session: number;
}

/**
 * A 3×3 row-major projective matrix from map mm to canvas pixels, with an optional limit on map y (dots further back
 * than it are not drawn: behind the top of the head in a front photo).
 */
export interface Projection {
  m: Float64Array;
  maxMapY: number;
  /** On a front photo, the head's outline in canvas pixels (Core's HeadOutline): dots outside it are not drawn. */
  outline?: HeadOutline | null;
}

/** Centre, unit axes across (u) and up (v), half-width a and height b, in canvas pixels. */
export interface HeadOutline {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  vx: number;
  vy: number;
  a: number;
  b: number;
}

/** Core's HeadOutline.WidthFactor: half-width over half the temporal handles' spacing. */
export const headWidthFactor = 1.6;

/** The outline from the temporal and vertex handles (any pixel space). */
export function headOutline(right: [number, number], left: [number, number], vertex: [number, number]): HeadOutline {
  const cx = (right[0] + left[0]) / 2;
  const cy = (right[1] + left[1]) / 2;
  const span = Math.max(Math.hypot(left[0] - right[0], left[1] - right[1]), 1e-9);
  const ux = (left[0] - right[0]) / span;
  const uy = (left[1] - right[1]) / span;
  let vx = -uy;
  let vy = ux;
  let height = (vertex[0] - cx) * vx + (vertex[1] - cy) * vy;
  if (height < 0) {
    vx = -vx;
    vy = -vy;
    height = -height;
  }
  return { cx, cy, ux, uy, vx, vy, a: (headWidthFactor * span) / 2, b: Math.max(height, 1e-9) };
}

function insideOutline(o: HeadOutline, x: number, y: number): boolean {
  const dx = x - o.cx;
  const dy = y - o.cy;
  const across = (dx * o.ux + dy * o.uy) / o.a;
  const up = (dx * o.vx + dy * o.vy) / o.b;
  return up <= 0 ? Math.abs(across) <= 1 : across * across + up * up <= 1;
}

const decode = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  decode[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}
const encodeSize = 4096;
const encode = new Uint8ClampedArray(encodeSize + 1);
for (let i = 0; i <= encodeSize; i++) {
  const l = i / encodeSize;
  const c = l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
  encode[i] = Math.round(c * 255);
}

function parseShade(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) {
    return [decode[0x3a]!, decode[0x34]!, decode[0x31]!];
  }
  return [decode[parseInt(m[1]!, 16)]!, decode[parseInt(m[2]!, 16)]!, decode[parseInt(m[3]!, 16)]!];
}

/** What one look does to every dot: a diameter scale and edge, and per (session, zone) a colour and opacity. */
class LookModel {
  readonly diameterScale: number;
  readonly edgeMm: number;
  readonly scatterMm: number;
  readonly scatterOpacity: number;
  private readonly table: Float32Array; // (session-1, zone) → r, g, b, opacity
  private readonly zones: number;
  private readonly sessions: number;

  constructor(design: Design, choice: LookChoice, p: LookParameters) {
    let colourScale = 1;
    let fade = 1;
    const years = choice.look === "aged" ? choice.years : 0;
    if (choice.look === "fresh") {
      this.diameterScale = p.freshDiameterScale;
      this.edgeMm = p.freshEdgeMm;
      colourScale = p.freshColourScale;
    } else if (choice.look === "aged") {
      this.diameterScale = 1 + p.agedDiameterGrowth * Math.min(years / p.agedGrowthYears, 1);
      this.edgeMm = p.healedEdgeMm + p.agedEdgePerYearMm * years;
      fade = Math.pow(p.agedStrengthPerYear, years);
    } else {
      this.diameterScale = 1;
      this.edgeMm = p.healedEdgeMm;
    }
    this.scatterMm = p.scatterMm;
    this.scatterOpacity = p.scatterOpacity;
    const strengths = design.sessions.shadeStrength.length > 0 ? design.sessions.shadeStrength : [1];
    this.zones = Math.max(design.zones.length, 1);
    this.sessions = strengths.length;
    this.table = new Float32Array(this.sessions * this.zones * 4);
    for (let z = 0; z < design.zones.length; z++) {
      const [r, g, b] = parseShade(design.zones[z]!.shade);
      for (let s = 0; s < this.sessions; s++) {
        const o = (s * this.zones + z) * 4;
        this.table[o] = r * colourScale;
        this.table[o + 1] = g * colourScale;
        this.table[o + 2] = b * colourScale;
        this.table[o + 3] = Math.min(Math.max(strengths[s]! * fade, 0), 1);
      }
    }
  }

  offset(session: number, zone: number): number {
    const s = Math.min(Math.max(session, 1), this.sessions) - 1;
    return (s * this.zones + Math.min(zone, this.zones - 1)) * 4;
  }

  get colours(): Float32Array {
    return this.table;
  }
}

/** A float linear-light copy of a picture that dots are composited onto, then written back as sRGB. */
export class LinearCanvas {
  readonly rgb: Float32Array;

  constructor(readonly width: number, readonly height: number) {
    this.rgb = new Float32Array(width * height * 3);
  }

  load(image: ImageData): void {
    const src = image.data;
    const rgb = this.rgb;
    for (let i = 0, j = 0; i < src.length; i += 4, j += 3) {
      rgb[j] = decode[src[i]!]!;
      rgb[j + 1] = decode[src[i + 1]!]!;
      rgb[j + 2] = decode[src[i + 2]!]!;
    }
  }

  store(image: ImageData): void {
    const out = image.data;
    const rgb = this.rgb;
    for (let i = 0, j = 0; i < out.length; i += 4, j += 3) {
      out[i] = encode[(rgb[j]! * encodeSize + 0.5) | 0]!;
      out[i + 1] = encode[(rgb[j + 1]! * encodeSize + 0.5) | 0]!;
      out[i + 2] = encode[(rgb[j + 2]! * encodeSize + 0.5) | 0]!;
      out[i + 3] = 255;
    }
  }
}

/** Composites the dots of sessions 1…choice.session onto the canvas. */
export function drawDots(target: LinearCanvas, dots: DotSet, design: Design, choice: LookChoice, params: LookParameters, projection: Projection): void {
  const model = new LookModel(design, choice, params);
  const colours = model.colours;
  const m = projection.m;
  const outline = projection.outline ?? null;
  const width = target.width;
  const height = target.height;
  const rgb = target.rgb;

  // Over-compositing one pixel: c ← c (1 − a) + shade a, in linear light.
  const blend = (px: number, py: number, a: number, o: number): void => {
    if (px < 0 || py < 0 || px >= width || py >= height || a <= 0) {
      return;
    }
    const k = (py * width + px) * 3;
    const alpha = a > 1 ? 1 : a;
    rgb[k] = rgb[k]! + (colours[o]! - rgb[k]!) * alpha;
    rgb[k + 1] = rgb[k + 1]! + (colours[o + 1]! - rgb[k + 1]!) * alpha;
    rgb[k + 2] = rgb[k + 2]! + (colours[o + 2]! - rgb[k + 2]!) * alpha;
  };

  // A disc of radius r with a linear edge of width e (px), centred at (cx, cy).
  const disc = (cx: number, cy: number, r: number, e: number, opacity: number, o: number): void => {
    const reach = r + e / 2;
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(width - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(height - 1, Math.ceil(cy + reach));
    for (let py = y0; py <= y1; py++) {
      const dy = py + 0.5 - cy;
      for (let px = x0; px <= x1; px++) {
        const dx = px + 0.5 - cx;
        const cover = (r - Math.sqrt(dx * dx + dy * dy)) / e + 0.5;
        if (cover > 0) {
          blend(px, py, (cover > 1 ? 1 : cover) * opacity, o);
        }
      }
    }
  };

  // Ink smaller than a pixel, shared between the four nearest pixels by bilinear weights.
  const speck = (cx: number, cy: number, ink: number, o: number): void => {
    const fx = cx - 0.5;
    const fy = cy - 0.5;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const tx = fx - ix;
    const ty = fy - iy;
    blend(ix, iy, ink * (1 - tx) * (1 - ty), o);
    blend(ix + 1, iy, ink * tx * (1 - ty), o);
    blend(ix, iy + 1, ink * (1 - tx) * ty, o);
    blend(ix + 1, iy + 1, ink * tx * ty, o);
  };

  const last = choice.session;
  for (let i = 0; i < dots.count; i++) {
    const session = dots.session[i]!;
    if (session > last) {
      continue;
    }
    const x = dots.x[i]!;
    const y = dots.y[i]!;
    if (y > projection.maxMapY) {
      continue;
    }
    const w = m[6]! * x + m[7]! * y + m[8]!;
    if (!(w > 1e-9)) {
      continue;
    }
    const u = (m[0]! * x + m[1]! * y + m[2]!) / w;
    const v = (m[3]! * x + m[4]! * y + m[5]!) / w;
    if (u < -4 || v < -4 || u > width + 4 || v > height + 4 || (outline && !insideOutline(outline, u, v))) {
      continue;
    }
    // Pixels per mm here: √|det J|.
    const dudx = (m[0]! - u * m[6]!) / w;
    const dudy = (m[1]! - u * m[7]!) / w;
    const dvdx = (m[3]! - v * m[6]!) / w;
    const dvdy = (m[4]! - v * m[7]!) / w;
    const scale = Math.sqrt(Math.abs(dudx * dvdy - dudy * dvdx));
    const o = model.offset(session, dots.zone[i]!);
    const opacity = colours[o + 3]!;
    const r = dots.diameter[i]! * 0.5 * model.diameterScale * scale;
    const rs = r + model.scatterMm * scale;
    const scatterOpacity = opacity * model.scatterOpacity;
    const e = Math.max(model.edgeMm * scale, 1);
    if (rs < 1) {
      speck(u, v, Math.PI * (r * r * opacity + (rs * rs - r * r) * scatterOpacity), o);
    } else {
      if (scatterOpacity > 0 && rs > r) {
        disc(u, v, rs, Math.max(rs - r, 1), scatterOpacity, o);
      }
      if (r < 0.7) {
        speck(u, v, Math.PI * r * r * opacity, o);
      } else {
        disc(u, v, r, e, opacity, o);
      }
    }
  }
}
