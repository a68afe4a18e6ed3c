/**
 * Vector tiles against the TypeScript oracle: the features both encoders receive, and what a decoder
 * reads back from the bytes.
 */
import { cellToParent, latLngToCell } from 'h3-js';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getTile, listTileFeatures, TILE_LAYER, TILE_ROLLUP_MAX_ZOOM } from '@/db/queries/get-tile';
import { matches, tally, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { close, f } from './filter-cases';

export function defineTileTests(getDatabase: () => Database, getRows: () => OracleRow[]): void {
  describe('vector tiles', () => {
    const lngLatToTilePx = ([lng, lat]: [number, number], t: { z: number; x: number; y: number }) => {
      const n = 2 ** t.z;
      const x = ((lng + 180) / 360) * n;
      const rad = (lat * Math.PI) / 180;
      const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
      return [(x - t.x) * 4096, (y - t.y) * 4096];
    };

    it.each([
      { z: 5, x: 22, y: 11 },
      { z: 7, x: 89, y: 48 },
      { z: 8, x: 179, y: 97 },
      { z: 12, x: 2836, y: 1541 },
    ])('tile %o holds every filtered seizure inside it (buffer 64 px), merged per pixel cell', async (tile) => {
      const filters = f({ synthetic: 'include', substances: ['heroin', 'opium', 'hashish'] });
      const features = await listTileFeatures(getDatabase(), tile, filters);
      const wanted = getRows().filter((r) => matches(r, filters));
      // Up to zoom 7 a seizure is drawn at the centroid of its (H3 res-6 cell, substance) group.
      const drawnAt = new Map<OracleRow, [number, number]>();
      if (tile.z <= TILE_ROLLUP_MAX_ZOOM) {
        const groups = new Map<string, OracleRow[]>();
        for (const r of wanted) {
          const key = `${cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), 6)} ${r.substance}`;
          groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        for (const members of groups.values()) {
          const c: [number, number] = [
            members.reduce((t, m) => t + m.lngLat[0], 0) / members.length,
            members.reduce((t, m) => t + m.lngLat[1], 0) / members.length,
          ];
          for (const m of members) drawnAt.set(m, c);
        }
      }
      const inside = wanted.filter((r) => {
        const [px, py] = lngLatToTilePx(drawnAt.get(r) ?? r.lngLat, tile);
        return px >= -64 && px < 4160 && py >= -64 && py < 4160;
      });
      expect(inside.length).toBeGreaterThan(0);
      expect(features.reduce((t, ft) => t + ft.count, 0)).toBe(inside.length);
      close(
        features.reduce((t, ft) => t + ft.kg, 0),
        tally(inside).kgEq,
      );
    });

    it('encodes the same features the query computed, readable by a vector-tile decoder', async () => {
      const tile = { z: 6, x: 44, y: 23 };
      const filters = f({ substances: ['heroin', 'hashish'] });
      const features = await listTileFeatures(getDatabase(), tile, filters);
      expect(features.length).toBeGreaterThan(3);
      const bytes = await getTile(getDatabase(), tile, filters);
      const layer = new VectorTile(new PbfReader(bytes)).layers[TILE_LAYER];
      expect(layer.extent).toBe(4096);
      const decoded = Array.from({ length: layer.length }, (_, i) => {
        const ft = layer.feature(i);
        const [[p]] = ft.loadGeometry();
        return `${p.x},${p.y} ${ft.properties.count} ${ft.properties.substance} ${ft.properties.last}`;
      }).sort();
      expect(decoded).toEqual(features.map((ft) => `${ft.tx},${ft.ty} ${ft.count} ${ft.substance} ${ft.last}`).sort());
    });

    it('answers an empty tile with no bytes', async () => {
      expect((await getTile(getDatabase(), { z: 10, x: 0, y: 0 }, f({}))).length).toBe(0);
    });
  });
}
