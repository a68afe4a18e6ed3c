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
