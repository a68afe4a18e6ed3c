import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { generateSyntheticSeizures } from '@/lib/synthetic/synthetic-seizures';
import { seizureInputSchema } from '@/lib/catalogue/seizure-input';
import { createGeneratorBlos } from '@/tests/fixtures/generator-blos';

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
