import { describe, expect, it } from 'vitest';
import { legendModel } from '@/lib/map/legend-model';
import { mapPicture, type MapPictureInput } from '@/lib/map/map-picture';
import { DEFAULT_FILTERS } from '@/lib/url/filters';

function createInput(patch: Partial<MapPictureInput> = {}): MapPictureInput {
  return {
    lang: 'en',
    filters: { ...DEFAULT_FILTERS, substances: ['heroin'], from: '2024-01-01', to: '2024-12-31' },
    playbackWindow: null,
    summary: { count: 1464, kgEq: 14_700, valueUsd: 144_500_000, syntheticCount: 1458 },
    dataThrough: { on: '2024-12-31', precision: 'day' },
    selected: null,
    legend: legendModel({ lang: 'en', layers: ['points'], substances: ['heroin'], hexMax: null, tiles: false, radiusKm: null }),
    link: 'http://localhost:3210/?substance=heroin',
    madeAt: new Date('2026-11-29T00:13:42Z'),
    exported: { account: 'analyst@example.org', auditId: 812, at: '2026-11-29T00:13:41Z' },
    ...patch,
  };
}

describe('mapPicture', () => {
  it('titles the picture and states the filters, the figures, the data date, when it was made and the link', () => {
    const picture = mapPicture(createInput());
    expect(picture.title).toBe('BLO Atlas — Drug seizures at the Border Liaison Offices of Central Asia');
    expect(picture.subtitle).toBe('Heroin · 1 Jan 2024 – 31 Dec 2024');
    expect(picture.footer).toEqual([
      'Seizures: 1,464 · 14.7 t · US$144.5m',
      'Data up to: 31 Dec 2024 · Made: 2026-11-29 00:13 UTC · Synthetic data shown (1,458 / 1,464)',
      'Link: http://localhost:3210/?substance=heroin',
      'Exported by analyst@example.org (audit entry 812) · Map data © OpenStreetMap contributors (borders), GeoNames (places). Borders are not an endorsement.',
    ]);
    expect(picture.watermark).toBe('analyst@example.org · #812 · 2026-11-29 00:13 UTC');
    expect(picture.legendTitle).toBe('Legend');
    expect(picture.legend.map((r) => r.label)).toEqual(['BLO, confirmed', 'BLO, unconfirmed site', 'Heroin']);
  });

  it('names the playback window when the map shows one, and says when no synthetic data is in it', () => {
    const picture = mapPicture(
      createInput({
        playbackWindow: { from: '2024-02-01', to: '2024-04-30' },
        summary: { count: 6, kgEq: 1, valueUsd: 10, syntheticCount: 0 },
        dataThrough: null,
      }),
    );
    expect(picture.subtitle).toBe('Heroin · 1 Jan 2024 – 31 Dec 2024 · Map shows: 1 Feb 2024 – 30 Apr 2024');
    expect(picture.footer[1]).toBe('Data up to: — · Made: 2026-11-29 00:13 UTC · No synthetic data');
  });

  it('states the comparison with its dates, figures and changes, and the post whose panel is open', () => {
    const picture = mapPicture(
      createInput({
        summary: {
          count: 1464,
          kgEq: 14_700,
          valueUsd: 144_500_000,
          syntheticCount: 1458,
          comparison: {
            period: { from: '2023-01-01', to: '2023-12-31' },
            count: 1200,
            kgEq: 14_000,
            valueUsd: 160_000_000,
            syntheticCount: 1190,
            bySubstance: [],
          },
          change: { count: 0.22, kgEq: 0.05, valueUsd: -0.096875 },
        },
        selected: { name: 'Oybek', border: 'Uzbekistan–Tajikistan', figures: { count: 315, kgEq: 2100.5, valueUsd: 4_200_000 } },
      }),
    );
    expect(picture.footer.slice(0, 3)).toEqual([
      'Seizures: 1,464 · 14.7 t · US$144.5m',
      'Compared with 1 Jan 2023 – 31 Dec 2023: 1,200 · 14 t · US$160m (+22% · +5% · −10%)',
      'Selected post: Oybek (Uzbekistan–Tajikistan): 315 · 2,101 kg · US$4.2m (seizures for which it is the nearest post)',
    ]);
  });

  it('gives an account that sees aggregates only the month of the latest data', () => {
    const picture = mapPicture(createInput({ dataThrough: { on: '2025-11-30', precision: 'month' }, lang: 'ru' }));
    expect(picture.footer[1]).toMatch(/^Данные по: нояб\. 2025 г\. · /);
  });

  it('writes "withheld" for figures withheld from a viewer, in both languages', () => {
    const withheld = { count: null, kgEq: null, valueUsd: null, suppressed: true, syntheticCount: null } as const;
    expect(mapPicture(createInput({ summary: withheld })).footer[0]).toBe('Seizures: withheld · withheld · withheld');
    expect(mapPicture(createInput({ summary: withheld, lang: 'ru' })).footer[0]).toBe('Изъятия: скрыто · скрыто · скрыто');
  });
});
