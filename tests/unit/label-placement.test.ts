import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelCandidate } from '@/lib/map/label-placement';

const OPTIONS = { markerRadius: 7, gap: 4 };
const at = (id: string, x: number, y: number, priority: number, width = 50): LabelCandidate => ({ id, x, y, width, height: 12, priority });

/** Area shared by two rectangles: an oracle independent of the module's own overlap test. */
const sharedArea = (a: { left: number; top: number; right: number; bottom: number }, b: typeof a) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

describe('placeLabels', () => {
  it('puts a lone label on the right of its marker', () => {
    expect(placeLabels([at('a', 100, 100, 1)], OPTIONS).get('a')).toBe('right');
  });

  it('moves a label off a neighbouring marker, and gives the squeezed one the free side (hand-worked)', () => {
    // a's right box (x 111–161) would cover b's marker (x 133–147): a goes left (x 39–89).
    // b is free on its right. c, between them, is blocked right (b) and left (a's marker): above.
    const sides = placeLabels([at('a', 100, 100, 3), at('b', 140, 100, 2), at('c', 120, 100, 1)], OPTIONS);
    expect(Object.fromEntries(sides)).toEqual({ a: 'left', b: 'right', c: 'top' });
  });

  it('keeps names apart by the spacing asked for, so two never run together (hand-worked)', () => {
    // a's name on its right spans x 111–161. b (x 230) writes its name on its right, x 241–291, when free.
    const pair = [at('a', 100, 100, 2), at('b', 230, 100, 1)];
    expect(placeLabels(pair, OPTIONS).get('b')).toBe('right');
    // c's marker (x 283–297) blocks that side; b's left, x 169–219, is 8 px from a's name: taken when
    // names may be 6 px apart, not when they must be 10 (then above).
    const squeezed = [at('a', 100, 100, 2), at('b', 230, 100, 1), at('c', 290, 100, 0)];
    expect(placeLabels(squeezed, OPTIONS).get('b')).toBe('left');
    expect(placeLabels(squeezed, { ...OPTIONS, labelSpacing: 10 }).get('b')).toBe('top');
    expect(placeLabels(squeezed, { ...OPTIONS, labelSpacing: 6 }).get('b')).toBe('left');
  });

  it('hides a label with no free side, and the higher priority keeps its first choice', () => {
    // d sits in a ring of markers 14 px away on all four sides: every side box covers one of them.
    const ring = [at('n', 200, 186, 1), at('s', 200, 214, 1), at('e', 240, 200, 1), at('w', 160, 200, 1)];
    const sides = placeLabels([at('d', 200, 200, 0), ...ring], OPTIONS);
    expect(sides.get('d')).toBeNull();
    const flipped = placeLabels([at('d', 200, 200, 9), at('x', 230, 200, 0)], OPTIONS);
    expect(flipped.get('d')).toBe('left');
    expect(flipped.get('x')).toBe('right');
  });

  it('never lets two written labels, or a label and another marker, overlap (300 random layouts)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let written = 0;
    for (let layout = 0; layout < 300; layout++) {
      const cands = Array.from({ length: 24 }, (_, i) => at(`p${i}`, random() * 400, random() * 300, random() * 100, 30 + random() * 70));
      const sides = placeLabels(cands, OPTIONS);
      const boxes = cands.filter((c) => sides.get(c.id)).map((c) => ({ id: c.id, box: labelBox(c, sides.get(c.id)!, OPTIONS) }));
      written += boxes.length;
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) expect(sharedArea(a.box, b.box)).toBe(0);
        for (const m of cands) {
          if (m.id === a.id) continue;
          expect(sharedArea(a.box, { left: m.x - 7, top: m.y - 7, right: m.x + 7, bottom: m.y + 7 })).toBe(0);
        }
      }
    }
    // Not a vacuous pass: most labels do get written.
    expect(written).toBeGreaterThan(300 * 24 * 0.5);
  });
});
