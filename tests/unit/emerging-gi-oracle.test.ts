/**
 * Gi* on a generated cube against a second implementation (tests/oracles/emerging-oracle.ts) from Getis & Ord (1995),
 * eq. 14, with a full weight matrix: G*ᵢ = (Σⱼ wᵢⱼxⱼ − x̄·Σⱼ wᵢⱼ) / (s·√((n·Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²)/(n − 1))),
 * wᵢᵢ = 1, wᵢⱼ = 1 for ring-1 H3 neighbours in the grid. The grid is every H3 cell (resolution 5)
 * within 4 rings of Oybek; 24 monthly steps of seeded random counts, seven cells growing busier.
 */
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { giStar } from '@/lib/analysis/emerging-hot-spots';
import { giStarMatrix as oracle, ringWeights } from '@/tests/oracles/emerging-oracle';

describe('Gi* on a generated cube', () => {
  const cells = gridDisk(latLngToCell(40.4147, 69.2817, 5), 4);
  const index = new Map(cells.map((c, i) => [c, i]));
  const neighbours = cells.map((c) =>
    gridDisk(c, 1)
      .filter((d) => d !== c && index.has(d))
      .map((d) => index.get(d)!),
  );
  const weights = ringWeights(cells);
  let seed = 20240531;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('equals the matrix form within 1e-9 at every cell of every step', () => {
    expect(cells).toHaveLength(61);
    for (let step = 0; step < 24; step++) {
      // Noise of 0–3 seizures, and seven of the cells busier as the months go on.
      const values = cells.map((_, i) => Math.floor(random() * 4) + (i < 7 ? Math.floor(step / 3) : 0));
      const z = giStar(values, neighbours);
      const want = oracle(values, weights);
      for (let i = 0; i < cells.length; i++) expect(Math.abs(z[i] - want[i])).toBeLessThan(1e-9);
    }
  });
});
