'use client';
import type { BloListItem, EmergingAnswer, EmergingCategoryKey, EmergingPost } from '@/lib/api/api-types';
import { EMERGING_RESOLUTIONS, EMERGING_STEPS, EMERGING_VALUES } from '@/lib/analysis/emerging-settings';
import { bloName, countOf, emergingCategoryName, formatCount, formatKm, formatMonth, t } from '@/lib/i18n/i18n';
import { EMERGING_COLORS, rgbCss } from '@/lib/map/colors';
import type { EmergingSettings, Language } from '@/lib/url/view-state';
import { H3_EDGE_KM } from '@/lib/geo/h3-resolution';

interface Props {
  lang: Language;
  settings: EmergingSettings;
  answer: EmergingAnswer | null;
  loading: boolean;
  /** The posts this account sees (names, and which may be opened). */
  blos: readonly BloListItem[];
  /** The account sees aggregates only: no values or z-scores. */
  aggregates: boolean;
  onSettings(next: EmergingSettings): void;
  onOpenPost(code: string): void;
}

/** A labelled drop-down of `options` ([value, label]); `onChange` gets one of the values. */
function Choice<V extends string>({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange(value: V): void;
}) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A post's emerging cells by category: how many, and the nearest's distance (the cells come nearest first). */
function groupByCategory(cells: EmergingPost['cells']): { category: EmergingCategoryKey; cells: number; nearestKm: number }[] {
  const groups = new Map<EmergingCategoryKey, { category: EmergingCategoryKey; cells: number; nearestKm: number }>();
  for (const c of cells) {
    const group = groups.get(c.category);
    if (group) group.cells++;
    else groups.set(c.category, { category: c.category, cells: 1, nearestKm: c.km });
  }
  return [...groups.values()];
}

/**
 * The emerging hot spot layer's settings, what the analysis found (or why there is none), and the
 * posts whose catchment holds new, consecutive or intensifying hot spots, each opening its panel.
 */
export function EmergingPanel({ lang, settings, answer, loading, blos, aggregates, onSettings, onOpenPost }: Props) {
  const names = new Map(blos.map((b) => [b.code, b]));
  const posts = (answer?.posts ?? []).filter((p) => names.has(p.code));
  const stepsText = answer ? countOf(lang, answer.steps.length, answer.method.step === 'quarter' ? 'quarter' : 'month') : '';
  const hot = answer?.cells.filter((c) => c.category.endsWith('-hot')).length ?? 0;
  const cold = answer?.cells.filter((c) => c.category.endsWith('-cold')).length ?? 0;
  return (
    <section className="emerging-panel" data-testid="emerging-panel" aria-label={t(lang, 'emerging')} aria-busy={loading}>
      <h2>{t(lang, 'emerging')}</h2>
      <fieldset className="emerging-settings">
        <legend className="visually-hidden">{t(lang, 'emergingSettings')}</legend>
        <Choice
          label={t(lang, 'emergingResolution')}
          testId="emerging-resolution"
          value={String(settings.resolution)}
          options={EMERGING_RESOLUTIONS.map((r) => [
            String(r),
            t(lang, 'emergingResolutionOption', { res: r, km: formatKm(lang, H3_EDGE_KM[r]) }),
          ])}
          onChange={(v) => onSettings({ ...settings, resolution: Number(v) })}
        />
        <Choice
          label={t(lang, 'emergingStep')}
          testId="emerging-step"
          value={settings.step}
          options={EMERGING_STEPS.map((s) => [s, t(lang, s === 'month' ? 'emergingMonths' : 'emergingQuarters')])}
          onChange={(step) => onSettings({ ...settings, step })}
        />
        <Choice
          label={t(lang, 'emergingValue')}
          testId="emerging-value"
          value={settings.value}
          options={EMERGING_VALUES.map((v) => [v, t(lang, v === 'count' ? 'emergingCount' : 'emergingKg')])}
          onChange={(value) => onSettings({ ...settings, value })}
        />
      </fieldset>
      <p className="note" role="status" data-testid="emerging-status" data-status={loading ? 'loading' : (answer?.status ?? 'loading')}>
        {loading || !answer
          ? t(lang, 'emergingLoading')
          : answer.status === 'too-few-steps'
            ? t(lang, 'emergingTooFewSteps', { n: answer.steps.length, min: answer.method.minSteps })
            : answer.status === 'no-seizures'
              ? t(lang, 'emergingNoSeizures')
              : t(lang, 'emergingSummary', {
                  cells: formatCount(lang, answer.gridCells),
                  steps: stepsText,
                  hot: formatCount(lang, hot),
                  cold: formatCount(lang, cold),
                })}
      </p>
      {answer?.status === 'ok' && answer.earlier !== null && answer.earlier > 0 && (
        <p className="note" data-testid="emerging-earlier">
          {t(lang, 'emergingEarlier', {
            count: answer.earlier,
            n: formatCount(lang, answer.earlier),
            month: formatMonth(lang, answer.steps[0]),
          })}
        </p>
      )}
      {aggregates && <p className="note">{t(lang, 'emergingWithheld')}</p>}
      {answer?.status === 'ok' && (
        <>
          <h3>{t(lang, 'emergingPosts', { km: answer.method.catchmentKm })}</h3>
          {posts.length === 0 ? (
            <p className="note" data-testid="emerging-no-posts">
              {t(lang, 'emergingNoPosts', { km: answer.method.catchmentKm })}
            </p>
          ) : (
            <ul className="emerging-posts" data-testid="emerging-posts">
              {posts.map((p) => (
                <li key={p.code} data-code={p.code}>
                  <button type="button" className="linklike" onClick={() => onOpenPost(p.code)}>
                    {bloName(lang, names.get(p.code)!)}
                  </button>{' '}
                  {groupByCategory(p.cells).map(({ category, cells, nearestKm }) => (
                    <span key={category} className="emerging-cell">
                      <span className="dot" style={{ background: rgbCss(EMERGING_COLORS[category]) }} aria-hidden />
                      {emergingCategoryName(lang, category)} × {formatCount(lang, cells)},{' '}
                      {t(lang, 'emergingNearest', { km: formatKm(lang, nearestKm) })}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
