/**
 * Where to write a marker's name so that names never cover each other or another marker: greedy
 * placement in priority order (the selected post first, then the busiest), each label taking the
 * first free side of its marker — right, left, above, below — or none. Screen pixels throughout.
 * A second kind of label (towns under the posts) is placed after the first, around its boxes.
 */

export type LabelSide = 'right' | 'left' | 'top' | 'bottom';

const LABEL_SIDES: readonly LabelSide[] = ['right', 'left', 'top', 'bottom'];

export interface LabelCandidate {
  id: string;
  /** Marker centre on screen. */
  x: number;
  y: number;
  /** Size of the label text box. */
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementOptions {
  /** Radius of a marker, the obstacle every label avoids. */
  markerRadius: number;
  /** Space between a marker and its label. */
  gap: number;
  /** Least space between two names, so that two never read as one (e.g. "Oybek Dustlik"). */
  labelSpacing?: number;
  /** What else is on screen that no label may cover (names and markers placed before these). */
  obstacles?: readonly Box[];
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** `b` with the room around it that no other name may enter (`by` px each side, half above and below). */
export const grown = (b: Box, by: number): Box => ({
  left: b.left - by,
  top: b.top - by / 2,
  right: b.right + by,
  bottom: b.bottom + by / 2,
});

/** The box of `c`'s label on `side` of its marker. */
export function labelBox(c: LabelCandidate, side: LabelSide, { markerRadius: r, gap }: PlacementOptions): Box {
  const box = (left: number, top: number): Box => ({ left, top, right: left + c.width, bottom: top + c.height });
  switch (side) {
    case 'right':
      return box(c.x + r + gap, c.y - c.height / 2);
    case 'left':
      return box(c.x - r - gap - c.width, c.y - c.height / 2);
    case 'top':
      return box(c.x - c.width / 2, c.y - r - gap - c.height);
    case 'bottom':
      return box(c.x - c.width / 2, c.y + r + gap);
  }
}

/** The box a marker of radius `r` covers. */
export const markerBox = (c: Pick<LabelCandidate, 'x' | 'y'>, r: number): Box => ({
  left: c.x - r,
  top: c.y - r,
  right: c.x + r,
  bottom: c.y + r,
});

/** The side each label is written on, or null where no side is free. */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): Map<string, LabelSide | null> {
  const r = options.markerRadius;
  const markers = candidates.map((c) => ({ id: c.id, box: markerBox(c, r) }));
  const spacing = options.labelSpacing ?? 0;
  // Each name placed, with the space around it that no other name may enter.
  const placed: Box[] = [...(options.obstacles ?? [])];
  const sides = new Map<string, LabelSide | null>();
  const order = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of order) {
    const free = LABEL_SIDES.map((side) => ({ side, box: labelBox(c, side, options) })).find(
      ({ box }) => !placed.some((p) => overlaps(p, box)) && !markers.some((m) => m.id !== c.id && overlaps(m.box, box)),
    );
    sides.set(c.id, free?.side ?? null);
    if (free) placed.push(grown(free.box, spacing));
  }
  return sides;
}
