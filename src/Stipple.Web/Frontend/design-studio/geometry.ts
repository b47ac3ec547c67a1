// Geometry shared by the views: the projective transform from the scalp map (mm) to a photo's pixels, set by four
// landmark pairs, and the hairline curve (centripetal Catmull–Rom, as Core's HairlineCurve draws it).

import type { Point } from "./design";

/** A 3×3 matrix in row-major order, h[8] normalised to 1. */
export class Homography {
  private constructor(readonly h: Float64Array) {}

  /** The transform taking each of from[k] to to[k], or null when the four pairs do not define one. */
  static fromPairs(from: Point[], to: Point[]): Homography | null {
    // Eight equations in h0…h7 (h8 = 1): for each pair, u = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), and v likewise.
    const a: number[][] = [];
    for (let k = 0; k < 4; k++) {
      const [x, y] = from[k]!;
      const [u, v] = to[k]!;
      a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
      a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
    }
    const solution = solve(a);
    if (!solution) {
      return null;
    }
    const h = new Float64Array(9);
    h.set(solution);
    h[8] = 1;
    return new Homography(h);
  }

  /**
   * Maps a point; null behind the horizon (w ≤ 0), where the plane turns away from the camera. An inverse transform's
   * w has no meaningful sign, so it is mapped with anySide: only w = 0 fails then.
   */
  map(x: number, y: number, anySide = false): Point | null {
    const h = this.h;
    const w = h[6]! * x + h[7]! * y + h[8]!;
    if (anySide ? !(Math.abs(w) > 1e-12) : !(w > 1e-9)) {
      return null;
    }
    return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
  }

  /** Pixels per mm at a map point: the square root of the Jacobian's determinant. */
  scaleAt(x: number, y: number): number {
    return Math.sqrt(Math.abs(this.jacobianDeterminant(x, y)));
  }

  jacobianDeterminant(x: number, y: number): number {
    const h = this.h;
    const w = h[6]! * x + h[7]! * y + h[8]!;
    const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
    const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
    const dudx = (h[0]! - u * h[6]!) / w;
    const dudy = (h[1]! - u * h[7]!) / w;
    const dvdx = (h[3]! - v * h[6]!) / w;
    const dvdy = (h[4]! - v * h[7]!) / w;
    return dudx * dvdy - dudy * dvdx;
  }

  /** The inverse transform (pixels to map mm), or null when singular. */
  inverse(): Homography | null {
    const m = this.h;
    const [a, b, c, d, e, f, g, h, i] = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
    const co = [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
    const det = a * co[0]! + b * co[3]! + c * co[6]!;
    if (Math.abs(det) < 1e-12) {
      return null;
    }
    const out = new Float64Array(9);
    for (let k = 0; k < 9; k++) {
      out[k] = co[k]! / co[8]!;
    }
    return Number.isFinite(out[0]!) ? new Homography(out) : null;
  }

}

/** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix; null when singular. */
function solve(a: number[][]): number[] | null {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) {
        pivot = row;
      }
    }
    if (Math.abs(a[pivot]![col]!) < 1e-10) {
      return null;
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let row = 0; row < n; row++) {
      if (row === col) {
        continue;
      }
      const r = a[row]!;
      const factor = r[col]! / p[col]!;
      if (factor !== 0) {
        for (let k = col; k <= n; k++) {
          r[k] = r[k]! - factor * p[k]!;
        }
      }
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** The hairline's curve as a polyline about 1 mm apart (the same spline as Core's HairlineCurve). */
export function hairlinePolyline(points: Point[]): Point[] {
  const n = points.length;
  if (n < 2) {
    return points.slice();
  }
  const out: Point[] = [];
  const mirror = (end: Point, next: Point): Point => [2 * end[0] - next[0], 2 * end[1] - next[1]];
  for (let i = 0; i < n - 1; i++) {
    const p0 = i > 0 ? points[i - 1]! : mirror(points[0]!, points[1]!);
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = i + 2 < n ? points[i + 2]! : mirror(points[n - 1]!, points[n - 2]!);
    const steps = Math.max(4, Math.ceil(distance(p1, p2)));
    for (let s = 0; s < steps; s++) {
      out.push(catmullRom(p0, p1, p2, p3, s / steps));
    }
  }
  out.push(points[n - 1]!);
  return out;
}

/** Where the curve crosses the midline: the mid-frontal point's height above the glabella (mm), or null. */
export function midlineY(polyline: Point[]): number | null {
  for (let i = 1; i < polyline.length; i++) {
    const [ax, ay] = polyline[i - 1]!;
    const [bx, by] = polyline[i]!;
    if ((ax <= 0 && bx >= 0) || (ax >= 0 && bx <= 0)) {
      return ax === bx ? Math.min(ay, by) : ay + ((by - ay) * (0 - ax)) / (bx - ax);
    }
  }
  return null;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

function lerp(a: Point, b: Point, f: number): Point {
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

function catmullRom(p0: Point, p1: Point, p2: Point, p3: Point, u: number): Point {
  const t0 = 0;
  const t1 = t0 + Math.max(Math.sqrt(distance(p0, p1)), 1e-6);
  const t2 = t1 + Math.max(Math.sqrt(distance(p1, p2)), 1e-6);
  const t3 = t2 + Math.max(Math.sqrt(distance(p2, p3)), 1e-6);
  const t = t1 + (t2 - t1) * u;
  const a1 = lerp(p0, p1, (t - t0) / (t1 - t0));
  const a2 = lerp(p1, p2, (t - t1) / (t2 - t1));
  const a3 = lerp(p2, p3, (t - t2) / (t3 - t2));
  const b1 = lerp(a1, a2, (t - t0) / (t2 - t0));
  const b2 = lerp(a2, a3, (t - t1) / (t3 - t1));
  return lerp(b1, b2, (t - t1) / (t2 - t1));
}
