'use client';
import { useState, type ReactNode } from 'react';
import { COMPARE_MODES, DEFAULT_FILTERS, MAX_MIN_KG, SYNTHETIC_MODES, type Filters } from '@/lib/url/filters';
import { bloName, countryName, formatCount, substanceName, t, vocabLabel, type TextKey } from '@/lib/i18n/i18n';
import { PERIOD_PRESETS, presetOf, presetPeriod, type PeriodPreset } from '@/lib/time/periods';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import { substanceCss } from '@/lib/map/colors';
import { BLO_COUNTRIES, CONCEALMENTS, TRANSPORT_MODES } from '@/lib/catalogue/vocabulary';
import type { Language } from '@/lib/url/view-state';
import { DateField } from '@/app/_components/date-field';

interface Props {
  lang: Language;
  filters: Filters;
  today: string;
  blos: { code: string; name: string; nameRu: string }[];
  onChange(filters: Filters): void;
}

const PRESET_TEXT: Record<PeriodPreset, TextKey> = { all: 'allTime', last12: 'last12', thisYear: 'thisYear', lastYear: 'lastYear' };
const SYNTHETIC_TEXT = { include: 'syntheticInclude', exclude: 'syntheticExclude', only: 'syntheticOnly' } as const;
const COMPARE_TEXT = { previous: 'comparePrevious', year: 'compareYear', none: 'compareNone' } as const;

const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort());

function CheckList<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: T[];
  label(v: T): string;
  swatch?(v: T): string;
  onChange(v: T[]): void;
}) {
  return (
    <fieldset className="checklist">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            name={props.name}
            value={v}
            checked={props.chosen.includes(v)}
            onChange={() => props.onChange(toggle(props.chosen, v))}
          />
          {props.swatch && <span className="swatch" style={{ background: props.swatch(v) }} aria-hidden />}
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** Lower case, without the marks that make Latin and Cyrillic spellings differ (ё → е, Ş → s). */
const folded = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ё/g, 'е');

/**
 * A group of filters that folds: closed unless something in it is chosen, so the filters fit the
 * window without an inner scroll; its title counts what is chosen.
 */
function FilterGroup({ title, chosen, testId, children }: { title: string; chosen: number; testId?: string; children: ReactNode }) {
  return (
    <details className="filter-group" open={chosen > 0} data-testid={testId}>
      <summary>
        {title}
        {chosen > 0 && ` (${chosen})`}
      </summary>
      {children}
    </details>
  );
}

/**
 * The posts to count seizures at: a box per post (no Ctrl-click), narrowed by typing part of its
 * name in either script.
 */
function BloChoice({
  lang,
  blos,
  chosen,
  onChange,
}: {
  lang: Language;
  blos: Props['blos'];
  chosen: string[];
  onChange(blos: string[]): void;
}) {
  const [query, setQuery] = useState('');
  const q = folded(query.trim());
  const shown = blos.filter((b) => q === '' || folded(b.name).includes(q) || folded(b.nameRu).includes(q) || chosen.includes(b.code));
  return (
    <FilterGroup title={t(lang, 'blo')} chosen={chosen.length} testId="blo-filter">
      <input
        type="search"
        className="blo-search"
        placeholder={t(lang, 'findPost')}
        aria-label={t(lang, 'findPost')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <CheckList
        legend={t(lang, 'blo')}
        name="blo"
        values={shown.map((b) => b.code)}
        chosen={chosen}
        label={(code) =>
          bloName(
            lang,
            blos.find((b) => b.code === code)!,
          )
        }
        onChange={(next) => onChange([...next].sort())}
      />
    </FilterGroup>
  );
}

/**
 * The minimum kg-eq: what is typed is a draft until Enter or leaving the field, then the filter. A
 * draft belongs to the filter value it was typed over, so a change from elsewhere (a reset, Back)
 * shows the new value instead.
 */
function MinKgField({ lang, value, onChange }: { lang: Language; value: number | null; onChange(minKg: number | null): void }) {
  const [draft, setDraft] = useState<{ text: string; over: number | null } | null>(null);
  const text = draft && draft.over === value ? draft.text : value === null ? '' : String(value);
  const valid = text === '' || (/^\d+(\.\d+)?$/.test(text) && Number(text) <= MAX_MIN_KG);
  const commit = () => {
    if (!valid) return;
    setDraft(null);
    const next = text === '' ? null : Number(text);
    if (next !== value) onChange(next);
  };
  return (
    <label className="stacked">
      {t(lang, 'minKg')}
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={!valid}
        placeholder="0"
        onChange={(e) => setDraft({ text: e.target.value.trim(), over: value })}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {!valid && <span className="field-error">0 – {formatCount(lang, MAX_MIN_KG)}</span>}
    </label>
  );
}

export function FiltersPanel({ lang, filters, today, blos, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const preset = presetOf(filters, today);
  // "Custom" chosen while the period still equals a preset: remembered for that period only, so
  // the dates stay open to edit, and any other period (a reset, Back) shows its own preset.
  const periodKey = `${filters.from ?? ''}/${filters.to ?? ''}`;
  const [customAt, setCustomAt] = useState<string | null>(null);
  const custom = preset === 'custom' || customAt === periodKey;

  return (
    <aside className="filters" aria-label={t(lang, 'filters')}>
      <h2>{t(lang, 'filters')}</h2>
      <CheckList
        legend={t(lang, 'substance')}
        name="substance"
        values={SUBSTANCE_CODES}
        chosen={filters.substances}
        label={(code) => substanceName(lang, code)}
        swatch={substanceCss}
        onChange={(substances) => set({ substances })}
      />

      <fieldset>
        <legend>{t(lang, 'period')}</legend>
        <label className="stacked">
          <span className="sr-only">{t(lang, 'period')}</span>
          <select
            data-testid="period-preset"
            value={custom ? 'custom' : preset}
            onChange={(e) => {
              const value = e.target.value as PeriodPreset | 'custom';
              if (value === 'custom') return setCustomAt(periodKey);
              setCustomAt(null);
              const p = presetPeriod(value, today);
              set({ from: p?.from ?? null, to: p?.to ?? null });
            }}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(lang, PRESET_TEXT[p])}
              </option>
            ))}
            <option value="custom">{t(lang, 'custom')}</option>
          </select>
        </label>
        {custom && (
          <div className="dates">
            <DateField
              lang={lang}
              label={t(lang, 'from')}
              testId="period-from"
              value={filters.from}
              max={filters.to}
              onChange={(from) => set({ from })}
            />
            <DateField
              lang={lang}
              label={t(lang, 'to')}
              testId="period-to"
              value={filters.to}
              min={filters.from}
              onChange={(to) => set({ to })}
            />
          </div>
        )}
        <label className="stacked">
          {t(lang, 'compare')}
          <select value={filters.compare} onChange={(e) => set({ compare: e.target.value as Filters['compare'] })}>
            {COMPARE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(lang, COMPARE_TEXT[m])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <FilterGroup title={t(lang, 'country')} chosen={filters.countries.length}>
        <CheckList
          legend={t(lang, 'country')}
          name="country"
          values={BLO_COUNTRIES}
          chosen={filters.countries as (typeof BLO_COUNTRIES)[number][]}
          label={(c) => countryName(lang, c)}
          onChange={(countries) => set({ countries })}
        />
      </FilterGroup>

      <BloChoice lang={lang} blos={blos} chosen={filters.blos} onChange={(chosen) => set({ blos: chosen })} />

      <FilterGroup
        title={`${t(lang, 'transport')} · ${t(lang, 'concealment')}`}
        chosen={filters.transport.length + filters.concealment.length}
      >
        <CheckList
          legend={t(lang, 'transport')}
          name="transport"
          values={TRANSPORT_MODES}
          chosen={filters.transport as (typeof TRANSPORT_MODES)[number][]}
          label={(v) => vocabLabel(lang, v)}
          onChange={(transport) => set({ transport })}
        />
        <CheckList
          legend={t(lang, 'concealment')}
          name="concealment"
          values={CONCEALMENTS}
          chosen={filters.concealment as (typeof CONCEALMENTS)[number][]}
          label={(v) => vocabLabel(lang, v)}
          onChange={(concealment) => set({ concealment })}
        />
      </FilterGroup>

      <MinKgField lang={lang} value={filters.minKg} onChange={(minKg) => set({ minKg })} />

      <fieldset className="radios">
        <legend>{t(lang, 'synthetic')}</legend>
        {SYNTHETIC_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="synthetic" value={m} checked={filters.synthetic === m} onChange={() => set({ synthetic: m })} />
            {t(lang, SYNTHETIC_TEXT[m])}
          </label>
        ))}
      </fieldset>

      <button
        type="button"
        className="secondary"
        onClick={() => {
          setCustomAt(null);
          onChange(DEFAULT_FILTERS);
        }}
        disabled={JSON.stringify(filters) === JSON.stringify(DEFAULT_FILTERS)}
      >
        {t(lang, 'reset')}
      </button>
    </aside>
  );
}
