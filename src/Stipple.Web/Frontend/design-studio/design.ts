// The stipple.design/1 document as the server reads and writes it (docs/design-format.md), and the small edits the
// studio makes to it. Every edit returns a new document: the history keeps old ones untouched.

export type Point = [number, number];

export type ZoneKind = "frontal" | "mid-scalp" | "crown" | "temples" | "scar" | "exclusion";

export interface Zone {
  name: string;
  kind: ZoneKind;
  polygon: Point[];
  densityPerCm2: number;
  dotDiameterMm: number;
  shade: string;
}

export interface Design {
  schema: string;
  hairline: { style: "male" | "female"; points: Point[] };
  zones: Zone[];
  transition: { depthMm: number; startFraction: number; irregularityMm: number; sentinelsPer10Mm: number };
  sessions: { count: number; ramp: number[]; shadeStrength: number[] };
  seed: number;
}

export const zoneKinds: { value: ZoneKind; label: string }[] = [
  { value: "frontal", label: "Frontal" },
  { value: "temples", label: "Temples" },
  { value: "mid-scalp", label: "Mid-scalp" },
  { value: "crown", label: "Crown" },
  { value: "scar", label: "Scar" },
  { value: "exclusion", label: "Exclusion (no dots)" },
];

/** Map bounds (ScalpMap): x −170…170 mm, y 0…340 mm. */
export const mapBounds = { minX: -170, maxX: 170, minY: 0, maxY: 340 };

/** Smallest gap kept between neighbouring hairline points, so x stays strictly increasing. */
const minGapMm = 0.5;

export function clone(design: Design): Design {
  return JSON.parse(JSON.stringify(design)) as Design;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function clampToMap(x: number, y: number): Point {
  return [round2(clamp(x, mapBounds.minX, mapBounds.maxX)), round2(clamp(y, mapBounds.minY, mapBounds.maxY))];
}

/** Moves hairline point i, keeping x strictly between its neighbours. */
export function moveHairlinePoint(design: Design, i: number, x: number, y: number): Design {
  const next = clone(design);
  const points = next.hairline.points;
  const low = i > 0 ? points[i - 1]![0] + minGapMm : mapBounds.minX;
  const high = i < points.length - 1 ? points[i + 1]![0] - minGapMm : mapBounds.maxX;
  const [cx, cy] = clampToMap(x, y);
  points[i] = [round2(clamp(cx, low, high)), cy];
  return next;
}

/** Adds a hairline point half way between point i and the next one (or the previous one for the last point). */
export function insertHairlinePoint(design: Design, i: number): { design: Design; index: number } {
  const next = clone(design);
  const points = next.hairline.points;
  if (points.length >= 32) {
    return { design, index: i };
  }
  const j = i < points.length - 1 ? i : i - 1;
  const a = points[j]!;
  const b = points[j + 1]!;
  if (b[0] - a[0] < 2 * minGapMm) {
    return { design, index: i };
  }
  points.splice(j + 1, 0, [round2((a[0] + b[0]) / 2), round2((a[1] + b[1]) / 2)]);
  return { design: next, index: j + 1 };
}

export function removeHairlinePoint(design: Design, i: number): Design {
  if (design.hairline.points.length <= 3) {
    return design;
  }
  const next = clone(design);
  next.hairline.points.splice(i, 1);
  return next;
}

export function moveZoneVertex(design: Design, zone: number, vertex: number, x: number, y: number): Design {
  const next = clone(design);
  next.zones[zone]!.polygon[vertex] = clampToMap(x, y);
  return next;
}

export function insertZoneVertex(design: Design, zone: number, after: number): { design: Design; index: number } {
  const next = clone(design);
  const polygon = next.zones[zone]!.polygon;
  if (polygon.length >= 256) {
    return { design, index: after };
  }
  const a = polygon[after]!;
  const b = polygon[(after + 1) % polygon.length]!;
  polygon.splice(after + 1, 0, [round2((a[0] + b[0]) / 2), round2((a[1] + b[1]) / 2)]);
  return { design: next, index: after + 1 };
}

export function removeZoneVertex(design: Design, zone: number, vertex: number): Design {
  if (design.zones[zone]!.polygon.length <= 3) {
    return design;
  }
  const next = clone(design);
  next.zones[zone]!.polygon.splice(vertex, 1);
  return next;
}

/** Moves a whole zone by (dx, dy) mm, stopping at the map's edges. */
export function moveZone(design: Design, zone: number, dx: number, dy: number): Design {
  const next = clone(design);
  const polygon = next.zones[zone]!.polygon;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const sx = clamp(dx, mapBounds.minX - Math.min(...xs), mapBounds.maxX - Math.max(...xs));
  const sy = clamp(dy, mapBounds.minY - Math.min(...ys), mapBounds.maxY - Math.max(...ys));
  next.zones[zone]!.polygon = polygon.map(([x, y]) => [round2(x + sx), round2(y + sy)] as Point);
  return next;
}

/** A new zone: an octagon of 30 mm radius around (cx, cy), at the design's usual density, dot size and shade. */
export function addZone(design: Design, kind: ZoneKind, cx: number, cy: number): { design: Design; index: number } {
  const next = clone(design);
  const like = design.zones.find((z) => z.kind !== "exclusion");
  const polygon: Point[] = [];
  for (let k = 0; k < 8; k++) {
    const angle = (Math.PI * 2 * k) / 8 + Math.PI / 8;
    polygon.push(clampToMap(cx + 30 * Math.cos(angle), cy + 30 * Math.sin(angle)));
  }
  const label = zoneKinds.find((z) => z.value === kind)?.label.replace(/ \(.*\)$/, "") ?? "Zone";
  const count = design.zones.filter((z) => z.kind === kind).length;
  next.zones.push({
    name: count === 0 ? label : `${label} ${count + 1}`,
    kind,
    polygon,
    densityPerCm2: like?.densityPerCm2 ?? 100,
    dotDiameterMm: like?.dotDiameterMm ?? 0.12,
    shade: like?.shade ?? "#3a3431",
  });
  return { design: next, index: next.zones.length - 1 };
}

export function removeZone(design: Design, zone: number): Design {
  if (design.zones.length <= 1) {
    return design;
  }
  const next = clone(design);
  next.zones.splice(zone, 1);
  return next;
}

export function updateZone(design: Design, zone: number, change: Partial<Zone>): Design {
  const next = clone(design);
  next.zones[zone] = { ...next.zones[zone]!, ...change };
  return next;
}

/** Default cumulative ramps and strengths per session count (SessionPlanSpec). */
export function defaultRamp(count: number): number[] {
  switch (count) {
    case 1: return [1];
    case 2: return [0.5, 1];
    case 3: return [0.3, 0.7, 1];
    default: return [0.25, 0.5, 0.75, 1];
  }
}

export function defaultShadeStrength(count: number): number[] {
  switch (count) {
    case 1: return [1];
    case 2: return [0.8, 1];
    case 3: return [0.75, 0.9, 1];
    default: return [0.75, 0.85, 0.95, 1];
  }
}

export function setSessionCount(design: Design, count: number): Design {
  const next = clone(design);
  next.sessions = { count, ramp: defaultRamp(count), shadeStrength: defaultShadeStrength(count) };
  return next;
}

/** Shoelace area of a polygon in cm² (mm² / 100). */
export function polygonAreaCm2(polygon: Point[]): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 200;
}
