import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { publicRowToInput } from '@/lib/import/public-seizure-row';
import type { LngLat } from '@/lib/geo/lng-lat';

const rows = parse(readFileSync('data/public-seizures.csv', 'utf8'), { columns: true }) as Record<string, string>[];
const blos = JSON.parse(readFileSync('data/blos.json', 'utf8')) as { code: string; lon: number; lat: number }[];
const position = (code: string) => {
  const b = blos.find((x) => x.code === code);
  return b ? ([b.lon, b.lat] as LngLat) : undefined;
};

describe('public seizures file', () => {
  it('holds 41 rows from 26 events, every one valid and not synthetic', () => {
    expect(rows).toHaveLength(41);
    expect(new Set(rows.map((r) => r.source_ref.split('-')[0])).size).toBe(26);
    for (const r of rows) expect(publicRowToInput(r, position).synthetic).toBe(false);
  });

  it('places a seizure made at a BLO on that BLO', () => {
    const record = rows.find((r) => r.source_ref === 'E01-heroin')!;
    const input = publicRowToInput(record, position);
    expect(input.lngLat).toEqual(position('b-konysbaev'));
    expect(input.kgEq).toBe(775);
    expect(input.valueUsd).toBeGreaterThan(15_000_000);
  });

  it('counts liquid heroin in litres as kg-equivalent', () => {
    const liquid = publicRowToInput(
      rows.find((r) => r.unit === 'l')!,
      position,
    );
    expect(liquid.unit).toBe('l');
    expect(liquid.kgEq).toBeCloseTo(12.355, 6);
  });

  it('rejects a row that names an unknown BLO', () => {
    const record = { ...rows[0], blo: 'nowhere' };
    expect(() => publicRowToInput(record, position)).toThrow(/unknown BLO nowhere/);
  });
});
