import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import {
  EMERGING_MONTHS,
  EMERGING_POST,
  generateSyntheticSeizures,
  REPORTING_GAP,
  unreportedPostMonths,
} from '@/lib/synthetic/synthetic-seizures';
import { analyseCube, stepOf, stepStarts } from '@/lib/analysis/space-time-cube';
import type { EmergingStep } from '@/lib/analysis/emerging-settings';
import { categoryKey } from '@/lib/analysis/emerging-answer';
import type { SeizureInput } from '@/lib/catalogue/seizure-input';
import { seizureInputSchema } from '@/lib/catalogue/seizure-input';
import { allGeneratorBlos, createGeneratorBlos } from '@/tests/fixtures/generator-blos';

const blos = createGeneratorBlos();
const generate = (rows: number, seed: number) => [...generateSyntheticSeizures(blos, { rows, seed })];

describe('synthetic seizure generator', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    expect(generate(500, 7)).toEqual(generate(500, 7));
    expect(generate(500, 8)).not.toEqual(generate(500, 7));
  });

  it('produces exactly the rows asked for, each valid and flagged synthetic', () => {
    const rows = generate(3000, 1);
    expect(rows).toHaveLength(3000);
    for (const r of rows) {
      expect(seizureInputSchema.parse(r)).toEqual(r);
      expect(r.synthetic).toBe(true);
    }
  });

  it('dates every row in 2019–2025 and peaks after the harvest (Jul–Oct) over winter (Jan–Feb)', () => {
    const rows = generate(20_000, 2);
    const months = new Array(12).fill(0);
    for (const r of rows) {
      expect(r.seizedOn >= '2019-01-01' && r.seizedOn <= '2025-12-31').toBe(true);
      months[Number(r.seizedOn.slice(5, 7)) - 1]++;
    }
    const summerPerMonth = (months[6] + months[7] + months[8] + months[9]) / 4;
    const winterPerMonth = (months[0] + months[1]) / 2;
    expect(summerPerMonth / winterPerMonth).toBeGreaterThan(1.6);
  });

  it('runs from January 2019 to the last month asked for, a partial year included, and not a day past it', () => {
    const rows = [...generateSyntheticSeizures(blos, { rows: 20_000, seed: 9, through: '2026-11-30' })];
    const seen = new Set(rows.map((r) => r.seizedOn.slice(0, 7)));
    // 2019-01 … 2026-11: 7 × 12 + 11 months, every one of them with seizures at 20,000 rows.
    expect(seen.size).toBe(95);
    expect([...seen].sort()[0]).toBe('2019-01');
    expect([...seen].sort().at(-1)).toBe('2026-11');
    expect(rows.every((r) => r.seizedOn >= '2019-01-01' && r.seizedOn <= '2026-11-30')).toBe(true);
    // The same seed and last month give the same sample; another last month, another one.
    expect([...generateSyntheticSeizures(blos, { rows: 200, seed: 9, through: '2026-11-30' })]).toEqual(rows.slice(0, 200));
    expect([...generateSyntheticSeizures(blos, { rows: 200, seed: 9, through: '2026-10-31' })]).not.toEqual(rows.slice(0, 200));
    expect(() => generateSyntheticSeizures(blos, { rows: 1, seed: 1, from: '2020-01-01', through: '2019-12-31' }).next()).toThrow(
      'after its last',
    );
  });

  it('leaves post-months unreported: the named gap, three late posts in the last month, a few random gaps; never the surge post', () => {
    const network = allGeneratorBlos();
    const codes = network.map((b) => b.code);
    const options = { seed: 9, through: '2026-11-30' };
    const missing = unreportedPostMonths(codes, options);
    expect(unreportedPostMonths(codes, options)).toEqual(missing);
    const keys = new Set(missing.map((k) => `${k.post} ${k.month}`));
    // Dostuk: three months ending six before November 2026, i.e. March to May 2026.
    for (const m of ['2026-03-01', '2026-04-01', '2026-05-01']) expect(keys.has(`${REPORTING_GAP.post} ${m}`)).toBe(true);
    expect(missing.filter((k) => k.month === '2026-11-01').length).toBeGreaterThanOrEqual(3);
    expect(missing.some((k) => k.post === EMERGING_POST)).toBe(false);
    // 95 months × 23 posts: gaps stay rare.
    expect(missing.length).toBeLessThan(0.05 * 95 * 23);
    // No find lies nearest a post in a month that post did not report (nearest by turf, on the sphere).
    const rows = [...generateSyntheticSeizures(network, { rows: 20_000, ...options })];
    const nearest = (r: SeizureInput) =>
      network.reduce((best, b) => (turf.distance(b.lngLat, r.lngLat) < turf.distance(best.lngLat, r.lngLat) ? b : best)).code;
    expect(rows.filter((r) => keys.has(`${nearest(r)} ${r.seizedOn.slice(0, 7)}-01`))).toEqual([]);
    // Posts that did report those months take the draws: the sample keeps its size.
    expect(rows).toHaveLength(20_000);
  });

  it('keeps points near their post: crossings within 0.3 km, the rest within 81 km', () => {
    for (const r of generate(5000, 3)) {
      const km = Math.min(...blos.map((b) => turf.distance(b.lngLat, r.lngLat, { units: 'kilometers' })));
      expect(km).toBeLessThanOrEqual(r.locationPrecision === 'crossing' ? 0.31 : 81);
    }
  });

  it('has heavy-tailed quantities: the largest heroin find dwarfs the median', () => {
    const heroin = generate(20_000, 4)
      .filter((r) => r.substance === 'heroin')
      .map((r) => r.kgEq)
      .sort((a, b) => a - b);
    const median = heroin[Math.floor(heroin.length / 2)];
    expect(heroin[heroin.length - 1] / median).toBeGreaterThan(50);
  });

  it('puts rail seizures on rail posts and opiates from Afghanistan on the Afghan border', () => {
    const rows = generate(10_000, 5);
    const rail = rows.filter((r) => r.transport === 'rail');
    expect(rail.length).toBeGreaterThan(0);
    for (const r of rail) expect(r.country).toBe('UZ');
    const afghanBorder = rows.filter((r) => r.country === 'TJ' && (r.substance === 'heroin' || r.substance === 'opium'));
    expect(afghanBorder.every((r) => r.originCountry === 'AF')).toBe(true);
  });
});

describe('the emerging hot spot built into the sample', () => {
  const network = allGeneratorBlos();
  const post = network.find((b) => b.code === EMERGING_POST)!;
  const postCell = cellToParent(latLngToCell(post.lngLat[1], post.lngLat[0], 8), 5);
  const sample = (seed: number, through: string) => [...generateSyntheticSeizures(network, { rows: 20_000, seed, through })];
  /** The category of the post's own cell (H3 resolution 5) from the library's analysis of the rows. */
  const categoryAtPost = (rows: SeizureInput[], step: EmergingStep) => {
    const days = rows.map((r) => r.seizedOn).sort();
    const steps = stepStarts(days[0], days[days.length - 1], step);
    const cube = new Map<string, number[]>();
    for (const r of rows) {
      const cell = cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), 5);
      if (!cube.has(cell))
        cube.set(
          cell,
          steps.map(() => 0),
        );
      cube.get(cell)![steps.indexOf(stepOf(r.seizedOn, step))]++;
    }
    const cell = analyseCube([...cube.entries()].map(([c, values]) => ({ cell: c, values }))).find((a) => a.cell === postCell)!;
    return categoryKey(cell.category);
  };
  const share = (rows: SeizureInput[], month: string) => {
    const those = rows.filter((r) => r.seizedOn.startsWith(month));
    return those.filter((r) => turf.distance(post.lngLat, r.lngLat) <= 0.3).length / those.length;
  };

  it(`raises the post's share of all finds over the last ${EMERGING_MONTHS} months only`, () => {
    const rows = sample(20240531, '2026-11-30');
    const before = ['2023-05', '2024-05', '2025-05'].map((m) => share(rows, m));
    const last = share(rows, '2026-11');
    // Before: the post's own few percent of the finds (~65 % of them at the crossing); in the last month 1/6 of all finds more.
    for (const b of before) expect(b).toBeLessThan(0.05);
    expect(last).toBeGreaterThan(2.5 * Math.max(...before));
  });

  it('the analysis finds it: the post’s cell is an intensifying hot spot by month, whatever the seed or the month the sample ends', () => {
    for (const seed of [1, 2, 3, 20240531]) {
      for (const through of ['2026-11-30', '2027-06-30'])
        expect([seed, through, categoryAtPost(sample(seed, through), 'month')]).toEqual([seed, through, 'intensifying-hot']);
    }
    // The same sample up to the month before the surge: a persistent hot spot, with no trend to speak of.
    const before = sample(20240531, '2026-11-30').filter((r) => r.seizedOn < '2025-06-01');
    expect(categoryAtPost(before, 'month')).toBe('persistent-hot');
  });
});
