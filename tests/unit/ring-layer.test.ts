/**
 * The catchment rings are geodesic circles on the sphere, as the database measures catchments
 * (ST_Distance on geography), not screen circles: every vertex lies at the radius from the post by a
 * haversine written out here, and east–west the ring is wider in degrees than north–south by 1/cos(lat).
 */
import { describe, expect, it } from 'vitest';
import { RING_COLOR } from '@/lib/map/colors';
import { catchmentRings, RING_IDS, ringLayers } from '@/lib/map/ring-layer';
import type { LngLat } from '@/lib/geo/lng-lat';

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;
function haversineKm([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

describe('catchment rings', () => {
  const oybek: LngLat = [69.2817, 40.4147];
  const data = catchmentRings(oybek, 25);
  const rings = (data as unknown as { features: { geometry: { coordinates: LngLat[][] }; properties: { radiusKm: number } }[] }).features;

  it('draw the radius and half of it', () => {
    expect(rings.map((r) => r.properties.radiusKm)).toEqual([25, 12.5]);
  });

  it('put every vertex at the radius on the sphere (within 0.1%)', () => {
    for (const ring of rings) {
      for (const p of ring.geometry.coordinates[0]) {
        expect(Math.abs(haversineKm(oybek, p) - ring.properties.radiusKm) / ring.properties.radiusKm).toBeLessThan(0.001);
      }
    }
  });

  it('are wider in degrees east–west than north–south, by 1/cos(latitude)', () => {
    const ring = rings[0].geometry.coordinates[0];
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const ratio = (Math.max(...lngs) - Math.min(...lngs)) / (Math.max(...lats) - Math.min(...lats));
    expect(ratio).toBeCloseTo(1 / Math.cos(rad(oybek[1])), 2);
  });

  it('are the same object while the post and radius stay, new ones when either changes', () => {
    expect(catchmentRings([...oybek], 25)).toBe(data);
    expect(catchmentRings(oybek, 10)).not.toBe(data);
    expect(catchmentRings([69.3, 40.4], 25)).not.toBe(catchmentRings(oybek, 25));
  });

  it('are drawn from their source in the legend’s colour: a light fill, a dashed outline 4 px on, 3 px off', () => {
    const [fill, line] = ringLayers();
    expect([fill.source, line.source]).toEqual([RING_IDS.source, RING_IDS.source]);
    const rgba = (css: unknown) =>
      String(css)
        .match(/\d+(\.\d+)?/g)!
        .map(Number);
    expect(rgba(fill.paint!['fill-color']).slice(0, 3)).toEqual(RING_COLOR);
    expect(rgba(fill.paint!['fill-color'])[3]).toBeLessThan(0.1);
    expect(rgba(line.paint!['line-color']).slice(0, 3)).toEqual(RING_COLOR);
    // MapLibre measures dashes in line widths.
    const width = line.paint!['line-width'] as number;
    expect((line.paint!['line-dasharray'] as number[]).map((d) => d * width)).toEqual([4, 3]);
  });
});
