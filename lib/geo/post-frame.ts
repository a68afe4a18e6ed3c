/**
 * The posts' frame: the bounding box of the 24 posts with a margin. The dashboard opens on it, and
 * the route arcs end inside it (a country outside it at the frame's edge on its side), so the map
 * shows every post and every arc end when it opens, at any window size.
 */
import type { Bbox, LngLat } from './lng-lat';

/** The margin round the posts, degrees. */
export const POST_FRAME_MARGIN = 0.6;

/** The frame round these positions. */
export function postFrame(positions: readonly LngLat[]): Bbox {
  const lngs = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [
    Math.min(...lngs) - POST_FRAME_MARGIN,
    Math.min(...lats) - POST_FRAME_MARGIN,
    Math.max(...lngs) + POST_FRAME_MARGIN,
    Math.max(...lats) + POST_FRAME_MARGIN,
  ];
}
