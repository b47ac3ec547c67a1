// What the views need from the studio: the document being edited, the dots last computed for it, what to show, and
// the edits they may make. Views call edit() while a handle moves and endEdit() when it is let go, so a whole drag is
// one step of undo (the step opens with the first edit).

import type { Design, Point } from "./design";
import type { DotSet, LookChoice, LookParameters } from "./raster";

export type Selection =
  | { kind: "hairline"; index: number }
  | { kind: "zone"; zone: number; vertex: number | null }
  | null;

export interface Landmark {
  key: string;
  label: string;
  x: number;
  y: number;
}

export interface EditorHost {
  readonly design: Design;
  readonly dots: DotSet | null;
  /** The document the dots were computed from (its shades and strengths colour them). */
  readonly dotsDesign: Design | null;
  readonly look: LookChoice;
  readonly params: LookParameters;
  readonly landmarks: Landmark[];
  readonly canEdit: boolean;
  readonly selection: Selection;
  select(selection: Selection): void;
  edit(design: Design): void;
  endEdit(): void;
  apply(design: Design): void;
  /** Removes the selected hairline point or zone corner. */
  removeSelectedPoint(): void;
}

export function landmarkPoints(landmarks: Landmark[]): Point[] {
  return landmarks.map((l) => [l.x, l.y] as Point);
}
