'use client';
import {
  bloName,
  bloOtherName,
  borderName,
  countryName,
  formatCount,
  formatDay,
  formatKg,
  formatKm,
  formatMonth,
  formatUsd,
  substanceName,
  t,
  type TextKey,
} from '@/lib/i18n/i18n';
import { bloSourceText } from '@/lib/catalogue/blo-notes';
import type { BloKind } from '@/lib/catalogue/vocabulary';
import type { BaselinesAnswer, BloDetailAnswer, BloListItem, CatchmentSeizure } from '@/lib/api/api-types';
import type { ReportStatus } from '@/lib/analysis/seasonal-baseline';
import { PairedChart, PostMonthsChart } from './post-months-chart';
import { useHatch } from './no-report';
import { substanceCss } from '@/lib/map/colors';
import type { Language } from '@/lib/url/view-state';
import { CATCHMENT_CHOICES_KM } from '@/lib/url/api-params';
import { otherLanguage } from '@/app/_components/page-links';
import { Figure, WithheldNote } from './figure';

interface Props {
  lang: Language;
  blo: BloListItem;
  detail: BloDetailAnswer | undefined;
  /** The catchment's newest seizures; null for an account that sees aggregates only. */
  recent: CatchmentSeizure[] | undefined | null;
  /** Aggregates only: the threshold below which figures are withheld. */
  minCount: number | null;
  loading: boolean;
  error: string | null;
  radiusKm: number;
  /** Every post's months against their seasonal baseline (undefined until known). */
  baselines: BaselinesAnswer | undefined;
  /** This post's reporting status by month (undefined until known). */
  statuses: ReadonlyMap<string, ReportStatus> | undefined;
  onRadius(km: number): void;
  onFlyTo(code: string): void;
  onClose(): void;
}

/** The kind of post, with the abbreviation spelled out (the panel is where a reader meets it). */
const POST_KIND: Record<BloKind, TextKey> = { road: 'postRoad', rail: 'postRail', river: 'postRiver' };

/** The offered radii, with a linked radius that is not among them kept in order. */
const radiusChoices = (current: number): number[] => [...new Set<number>([...CATCHMENT_CHOICES_KM, current])].sort((a, b) => a - b);

/**
 * Monthly values as a line; a withheld month (null) breaks it, a month the post did not report is
 * hatched. Its first and last months and its top value are written on it.
 */
function Sparkline({
  lang,
  months,
  values,
  gaps,
  label,
}: {
  lang: Language;
  months: string[];
  values: (number | null)[];
  gaps: boolean[];
  label: string;
}) {
  const hatch = useHatch();
  if (values.length < 2) return <div className="note">—</div>;
  const max = Math.max(...values.map((v) => v ?? 0), 1e-9);
  const at = (v: number, i: number) => `${(i / (values.length - 1)) * 280},${60 - (v / max) * 48}`;
  const runs: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs[runs.length - 1].push(at(v, i));
  });
  const whole = runs.length === 1;
  return (
    <svg className="sparkline" viewBox="0 0 280 74" role="img" aria-label={label} data-testid="blo-sparkline">
      {hatch.defs}
      {gaps.map((gap, i) =>
        gap ? (
          <rect
            key={months[i]}
            x={((i - 0.5) / (values.length - 1)) * 280}
            width={280 / (values.length - 1)}
            y={12}
            height={48}
            fill={hatch.fill}
            className="no-report"
            data-testid="sparkline-gap"
          />
        ) : null,
      )}
      <line x1={0} x2={280} y1={12} y2={12} className="gridline" />
      <line x1={0} x2={280} y1={60} y2={60} className="gridline" />
      <text x={0} y={9} className="axis">
        {formatKg(lang, max)}
      </text>
      <text x={0} y={72} className="axis">
        {formatMonth(lang, months[0])}
      </text>
      <text x={280} y={72} className="axis" textAnchor="end">
        {formatMonth(lang, months[months.length - 1])}
      </text>
      {whole && <polyline points={`0,60 ${runs[0].join(' ')} 280,60`} className="spark-fill" />}
      {runs
        .filter((r) => r.length > 0)
        .map((r, i) => (
          <polyline key={i} points={r.join(' ')} className="spark-line" />
        ))}
    </svg>
  );
}

export function BloPanel({
  lang,
  blo,
  detail,
  recent,
  minCount,
  loading,
  error,
  radiusKm,
  baselines,
  statuses,
  onRadius,
  onFlyTo,
  onClose,
}: Props) {
  const d = detail && detail.blo.code === blo.code ? detail : undefined;
  const own = baselines?.posts.find((p) => p.code === blo.code);
  const partnerMonths = d?.paired ? baselines?.posts.find((p) => p.code === d.paired!.code) : undefined;
  const anyWithheld =
    blo.totals.count === null ||
    (d !== undefined &&
      (d.catchment.count === null || d.trend.some((m) => m.count === null) || d.topSubstances.some((s) => s.count === null)));
  const source = bloSourceText(lang, blo.code);
  return (
    <aside
      className="blo-panel"
      data-testid="blo-panel"
      data-code={blo.code}
      aria-label={`${blo.name} / ${blo.nameRu}`}
      aria-busy={loading}
    >
      <header>
        <div>
          {/* Focused when the panel is opened from a marker or the list (tabIndex -1: not a Tab stop). */}
          <h2 tabIndex={-1} data-testid="blo-panel-heading">
            {bloName(lang, blo)}
          </h2>
          <div className="ru" lang={otherLanguage(lang)}>
            {bloOtherName(lang, blo)}
          </div>
        </div>
        <button type="button" className="icon" aria-label={t(lang, 'close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="meta">
        <span className={`badge badge-${blo.status}`}>{t(lang, blo.status)}</span> {t(lang, POST_KIND[blo.kind])} · {t(lang, 'border')}:{' '}
        {borderName(lang, blo.country, blo.neighbor)}
        {blo.openedYear ? ` · ${t(lang, 'openedIn', { year: blo.openedYear })}` : ''}
      </p>
      <details className="note source" data-testid="blo-source">
        <summary>{t(lang, 'source')}</summary>
        {source ? (
          <>
            <p>{source.basis}</p>
            <p>{source.confidence}</p>
          </>
        ) : (
          blo.source
        )}
      </details>
      {error && (
        <p className="error" role="alert">
          {t(lang, 'apiError')}: {error}
        </p>
      )}

      <div className="catchment">
        <label>
          {t(lang, 'radius')}{' '}
          <select value={radiusKm} data-testid="radius" onChange={(e) => onRadius(Number(e.target.value))}>
            {radiusChoices(radiusKm).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <dl className="mini-kpis" data-testid="catchment" data-count={d?.catchment.count ?? ''}>
          <div>
            <dt>{t(lang, 'seizures')}</dt>
            <dd>{d ? <Figure lang={lang} value={d.catchment.count} format={formatCount} /> : '…'}</dd>
          </div>
          <div>
            <dt>{t(lang, 'kgEq')}</dt>
            <dd>{d ? <Figure lang={lang} value={d.catchment.kgEq} format={formatKg} /> : '…'}</dd>
          </div>
          <div>
            <dt>{t(lang, 'value')}</dt>
            <dd>{d ? <Figure lang={lang} value={d.catchment.valueUsd} format={formatUsd} /> : '…'}</dd>
          </div>
        </dl>
        <p className="note" data-testid="catchment-note">
          {t(lang, 'catchmentNote', { km: formatKm(lang, radiusKm, 0) })}
        </p>
      </div>

      <h3>{t(lang, 'trend')}</h3>
      {d ? (
        <Sparkline
          lang={lang}
          months={d.trend.map((m) => m.month)}
          values={d.trend.map((m) => m.kgEq)}
          gaps={d.trend.map((m) => statuses?.get(m.month) === 'none')}
          label={`${t(lang, 'trend')}: ${d.trend.length ? `${formatMonth(lang, d.trend[0].month)} – ${formatMonth(lang, d.trend[d.trend.length - 1].month)}` : ''}`}
        />
      ) : (
        <div className="skeleton" style={{ height: 50 }} />
      )}

      <h3>{t(lang, 'postMonths')}</h3>
      {own && baselines ? (
        <PostMonthsChart lang={lang} months={own.months} rule={baselines.rule} />
      ) : (
        <div className="skeleton" style={{ height: 80 }} />
      )}

      <h3>{t(lang, 'topSubstances')}</h3>
      <ul className="top-substances">
        {d?.topSubstances.slice(0, 5).map((s) => (
          <li key={s.substance}>
            <span className="swatch" style={{ background: substanceCss(s.substance) }} aria-hidden />
            {substanceName(lang, s.substance)}{' '}
            <span className="num">
              <Figure lang={lang} value={s.kgEq} format={formatKg} /> · <Figure lang={lang} value={s.count} format={formatCount} />
            </span>
          </li>
        ))}
      </ul>

      <h3>{t(lang, 'recent')}</h3>
      {recent === null ? (
        <p className="note" data-testid="recent-hidden">
          {t(lang, 'recentHidden')}
        </p>
      ) : (
        <table className="recent">
          <tbody>
            {recent?.slice(0, 6).map((r) => (
              <tr key={r.id}>
                <td>{formatDay(lang, r.seizedOn)}</td>
                <td>
                  {substanceName(lang, r.substance)}
                  {r.synthetic ? ' *' : ''}
                </td>
                <td className="num">{formatKg(lang, r.kgEq)}</td>
                <td className="num">{formatKm(lang, r.distanceKm)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recent?.some((r) => r.synthetic) && <p className="note">{t(lang, 'syntheticMark')}</p>}

      <p className="nearest note">
        {t(lang, 'nearest')}: <Figure lang={lang} value={blo.totals.count} format={formatCount} /> ·{' '}
        <Figure lang={lang} value={blo.totals.kgEq} format={formatKg} />
        {blo.totals.lastSeizedOn ? ` · ${t(lang, 'lastSeizure')} ${formatDay(lang, blo.totals.lastSeizedOn)}` : ''}
      </p>
      {minCount !== null && anyWithheld && <WithheldNote lang={lang} minCount={minCount} />}

      {blo.pairedCode && (
        <div className="paired">
          <h3>{t(lang, 'pairedChart')}</h3>
          {d && !d.paired ? (
            <p className="note" data-testid="paired-outside">
              {t(lang, 'pairedOutside')}
            </p>
          ) : own && partnerMonths && d?.paired ? (
            <PairedChart
              lang={lang}
              post={{ code: blo.code, name: bloName(lang, blo), months: own.months }}
              partner={{ code: d.paired.code, name: bloName(lang, d.paired), months: partnerMonths.months }}
            />
          ) : (
            <div className="skeleton" style={{ height: 80 }} />
          )}
        </div>
      )}
      {d?.paired && (
        <div className="paired">
          <button type="button" data-testid="fly-paired" onClick={() => onFlyTo(d.paired!.code)}>
            {t(lang, 'flyTo')}: {bloName(lang, d.paired)} ({countryName(lang, d.paired.country)}) →
          </button>
        </div>
      )}
    </aside>
  );
}
