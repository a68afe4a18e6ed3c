'use client';
/**
 * The dashboard: filters, KPIs, the map with its layers, the period slider with playback, the
 * monthly chart and the BLO panel, all driven by one view state kept in the URL. Data comes from
 * /api/* (one request per distinct question, kept once loaded).
 */
import dynamic from 'next/dynamic';
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { COUNTRY_LABEL_POINTS } from '@/lib/map/basemap-style';
import { DEFAULT_FILTERS, type Filters } from '@/lib/url/filters';
import { hotspotZoom } from '@/lib/geo/h3-cell';
import { bloName, bloOtherName, countryName, describeFilters, formatCount, formatDay, formatKg, formatUsd, substanceName, t } from '@/lib/i18n/i18n';
import { substanceCss } from '@/lib/map/substance-colors';
import { renderMapPng, type PngLegendItem } from './export-png';
import {
  heatmapLayer, hexagonLayer, labelLayer, LAYER_IDS, pointAttributes, ringLayer, routeLayer, seizurePointsLayer, seizureTilesLayer,
  type PointAttributes, type TileProps,
} from '@/lib/map/map-layers';
import { seriesPoints, type HotspotCell, type RouteFlow, type SeriesAnswer } from '@/lib/api/api-types';
import { monthTable } from '@/lib/time/month-table';
import { daysToIso, isoDay, monthEnd, type DateRange as Period } from '@/lib/time/dates';
import { nextPlaybackStep, visiblePeriod } from '@/lib/time/periods';
import { decodeColumns } from '@/lib/api/seizure-columns-codec';
import { apiSearch, MAP_LAYERS, type Camera, type MapLayerId, type ViewState } from '@/lib/url/view-state';
import { BloPanel, type BloDetailAnswer, type BloRecord } from '@/app/_components/panels/blo-panel';
import { FiltersPanel } from '@/app/_components/panels/filters-panel';
import { KpiCards, type SummaryAnswer } from '@/app/_components/panels/kpi-cards';
import { Legend } from '@/app/_components/map/legend';
import { SeriesChart } from '@/app/_components/panels/series-chart';
import { TimeControl } from '@/app/_components/panels/time-control';
import { useApi } from './use-api';
import { useViewState } from './use-view-state';

const MapView = dynamic(() => import('@/app/_components/map/map-view').then((m) => m.MapView), {
  ssr: false,
  loading: () => <div className="map" data-testid="map" data-map-state="loading" />,
});

/** Above this many filtered seizures the map draws vector tiles instead of loading every point. */
export const POINT_LIMIT = 250_000;

const toPoints = (raw: unknown): PointAttributes => pointAttributes(decodeColumns(raw as ArrayBuffer));
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Props {
  initialSearch: string;
  today: string;
  styleUrl: string | null;
}

export function Dashboard({ initialSearch, today, styleUrl }: Props) {
  const { view, problems, setView } = useViewState(initialSearch);
  const viewRef = useRef(view);
  viewRef.current = view;
  const update = useCallback((patch: Partial<ViewState>, history: 'push' | 'replace' = 'push') => setView({ ...viewRef.current, ...patch }, history), [setView]);
  const { lang, filters, layers, playback } = view;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [flyKey, setFlyKey] = useState(0);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const [tilesPending, setTilesPending] = useState(false);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // --- what the filters select
  const blos = useApi<{ blos: BloRecord[] }>(`/api/blos${apiSearch(filters)}`);
  const summaryUrl = `/api/summary${apiSearch(filters)}`;
  const summary = useApi<SummaryAnswer>(summaryUrl);
  const series = useApi<SeriesAnswer>(`/api/timeseries${apiSearch({ ...filters, from: null, to: null })}`);
  const rows = useMemo(() => monthTable(series.data ? seriesPoints(series.data.rows) : []), [series.data]);
  const period: Period | null = useMemo(() => {
    if (filters.from && filters.to) return { from: filters.from, to: filters.to };
    if (rows.length === 0) return null;
    return { from: filters.from ?? rows[0].month, to: filters.to ?? monthEnd(rows[rows.length - 1].month) };
  }, [filters.from, filters.to, rows]);
  const visible = period ? visiblePeriod(period, playback) : null;
  // While playing, map layers aggregated on the server ask for the window only.
  const mapFilters: Filters = playback.at && visible ? { ...filters, from: visible.from, to: visible.to } : filters;

  // The count of these filters (not the previous answer kept while loading) decides points or tiles.
  const count = summary.dataUrl === summaryUrl ? summary.data?.count : undefined;
  const useTiles = count !== undefined && count > POINT_LIMIT;
  const points = useApi<PointAttributes>(
    layers.includes('points') && count !== undefined && !useTiles && count > 0 ? `/api/seizures${apiSearch(filters, { format: 'bin', limit: POINT_LIMIT })}` : null,
    'bytes',
    toPoints,
  );
  const hexZoom = hotspotZoom(view.camera.zoom);
  const hotspots = useApi<{ cells: HotspotCell[] }>(
    layers.includes('hexagons') || layers.includes('heatmap') ? `/api/hotspots${apiSearch(mapFilters, { z: hexZoom })}` : null,
  );
  const routes = useApi<{ flows: RouteFlow[] }>(layers.includes('routes') ? `/api/routes${apiSearch(mapFilters)}` : null);
  const selectedBlo = blos.data?.blos.find((b) => b.code === view.selected) ?? null;
  const detail = useApi<BloDetailAnswer>(view.selected ? `/api/blos/${view.selected}${apiSearch(filters, { r: view.radiusKm })}` : null);

  // --- playback: one month per tick; the position lives in the URL (replace, not push)
  useEffect(() => {
    if (!playing || !period) return;
    const timer = setTimeout(() => {
      const next = nextPlaybackStep(period, viewRef.current.playback.at, viewRef.current.playback);
      if (next === null) setPlaying(false);
      else update({ playback: { ...viewRef.current.playback, at: next } }, 'replace');
    }, 900 / speed);
    return () => clearTimeout(timer);
  }, [playing, speed, period, playback.at, update]);

  // --- map layers
  const tileTemplate = useTiles ? `/api/tiles/{z}/{x}/{y}${apiSearch(mapFilters)}` : null;
  useEffect(() => setTilesPending(Boolean(tileTemplate && layers.includes('points'))), [tileTemplate, layers]);
  const onTilesLoaded = useCallback(() => setTilesPending(false), []);
  const countryLabels = useMemo(
    () => Object.entries(COUNTRY_LABEL_POINTS).map(([iso2, position]) => ({ text: countryName(lang, iso2).toUpperCase(), position })),
    [lang],
  );
  const deckLayers = useMemo(() => {
    const out = [];
    const cells = hotspots.data?.cells;
    if (layers.includes('heatmap') && cells) out.push(heatmapLayer(cells));
    if (layers.includes('hexagons') && cells) out.push(hexagonLayer(cells));
    if (layers.includes('routes') && routes.data) out.push(routeLayer(routes.data.flows));
    if (layers.includes('points') && visible) {
      if (tileTemplate) out.push(seizureTilesLayer(tileTemplate, onTilesLoaded));
      else if (points.data && count !== 0) out.push(seizurePointsLayer(points.data, visible));
    }
    if (layers.includes('rings') && selectedBlo) out.push(ringLayer(selectedBlo.lngLat, view.radiusKm));
    out.push(labelLayer(LAYER_IDS.countryLabels, countryLabels, { size: 13, color: [95, 100, 110], weight: 600 }));
    return out;
    // `visible` is derived from period + playback: keyed by its bounds.
  }, [layers, hotspots.data, routes.data, points.data, tileTemplate, onTilesLoaded, selectedBlo, view.radiusKm, countryLabels, count, visible?.from, visible?.to]);

  const pointsRef = useRef<PointAttributes | undefined>(undefined);
  pointsRef.current = points.data;
  const getTooltip = useCallback((info: PickingInfo) => tooltipFor(info, viewRef.current.lang, pointsRef.current?.columns), []);

  const markers = useMemo(
    () =>
      (blos.data?.blos ?? []).map((b) => ({
        code: b.code,
        label: bloName(lang, b),
        ariaLabel: `${b.name} / ${b.nameRu} — ${countryName(lang, b.country)} → ${countryName(lang, b.neighbor)}, ${t(lang, b.status)}`,
        lngLat: b.lngLat,
        status: b.status,
        labelPriority: b.totals.count,
      })),
    [blos.data, lang],
  );

  const setFilters = (next: Filters) => {
    setPlaying(false);
    update({ filters: next, playback: { ...playback, at: null } });
  };
  const selectBlo = useCallback((code: string | null) => update({ selected: code }), [update]);
  const flyTo = (code: string) => {
    const target = blos.data?.blos.find((b) => b.code === code);
    if (!target) return;
    setFlyKey((k) => k + 1);
    update({ selected: code, camera: { ...viewRef.current.camera, center: target.lngLat, zoom: Math.max(viewRef.current.camera.zoom, 7) } });
  };
  const toggleLayer = (id: MapLayerId) => update({ layers: MAP_LAYERS.filter((l) => (l === id ? !layers.includes(l) : layers.includes(l))) });

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 4000);
  };

  const exportPng = async () => {
    const mapElement = document.querySelector<HTMLElement>('[data-testid="map"]');
    if (!mapElement || !summary.data) return;
    const lastSeizure = (blos.data?.blos ?? []).map((b) => b.totals.lastSeizedOn).filter((d): d is string => d !== null).sort().at(-1);
    const legend: PngLegendItem[] = [
      { label: t(lang, 'bloConfirmed'), color: '#0b5cad', shape: 'dot' },
      { label: t(lang, 'bloUnconfirmed'), color: '#b07d00', shape: 'dashed-ring' },
      ...(layers.includes('points') ? presentSubstances.map((code) => ({ label: substanceName(lang, code), color: substanceCss(code), shape: 'dot' as const })) : []),
      ...(layers.includes('hexagons') ? [{ label: t(lang, 'hexagons'), color: 'rgb(240 59 32)', shape: 'bar' as const }] : []),
      ...(layers.includes('heatmap') ? [{ label: t(lang, 'heatmap'), color: 'rgb(254 178 76)', shape: 'bar' as const }] : []),
      ...(layers.includes('routes') ? [{ label: `${t(lang, 'routes')} (${t(lang, 'width')})`, color: 'rgb(230 120 20)', shape: 'bar' as const }] : []),
      ...(layers.includes('rings') && selectedBlo ? [{ label: `${t(lang, 'rings')}: ${view.radiusKm} km`, color: '#0b5cad', shape: 'dashed-ring' as const }] : []),
    ];
    const s = summary.data;
    const blob = await renderMapPng(mapElement, {
      title: `${t(lang, 'title')} — ${t(lang, 'subtitle')}`,
      subtitle: `${describeFilters(lang, filters)}${playback.at && visible ? ` · ${t(lang, 'showing')}: ${formatDay(lang, visible.from)} – ${formatDay(lang, visible.to)}` : ''}`,
      legendTitle: t(lang, 'legend'),
      legend,
      footer: [
        `${t(lang, 'seizures')}: ${formatCount(lang, s.count)} · ${formatKg(lang, s.kgEq)} · ${formatUsd(lang, s.valueUsd)}`,
        `${t(lang, 'dataUpTo')}: ${lastSeizure ? formatDay(lang, lastSeizure) : '—'} · ${t(lang, 'made')}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${s.syntheticCount > 0 ? `${t(lang, 'syntheticShown')} (${formatCount(lang, s.syntheticCount)} / ${formatCount(lang, s.count)})` : t(lang, 'noSynthetic')}`,
        `${t(lang, 'link')}: ${window.location.href}`,
        t(lang, 'boundaryNote'),
      ],
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `blo-atlas-map-${isoDay(new Date())}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const errors = [blos, summary, series, points, hotspots, routes].map((s) => s.error).filter((e): e is string => e !== null);
  const retryAll = () => [blos, summary, series, points, hotspots, routes].forEach((s) => s.error && s.retry());
  const empty = summary.data !== undefined && count === 0;
  const busy = points.loading || hotspots.loading || routes.loading || blos.loading || (layers.includes('points') && count === undefined);
  const presentSubstances = (summary.data?.bySubstance ?? []).filter((s) => s.count > 0).map((s) => s.substance);
  const hexMax = hotspots.data ? Math.max(0, ...hotspots.data.cells.map((c) => c.count)) : null;

  return (
    <div className="dashboard" data-testid="dashboard">
      <header className="topbar">
        <div>
          <h1>{t(lang, 'title')}</h1>
          <p className="lede">{t(lang, 'subtitle')}</p>
        </div>
        <div className="topbar-actions">
          <button type="button" className="secondary" lang={lang === 'en' ? 'ru' : 'en'} onClick={() => update({ lang: lang === 'en' ? 'ru' : 'en' })}>
            {t(lang, 'language')}
          </button>
          <a className="button secondary" href={lang === 'ru' ? '/import?lang=ru' : '/import'}>{t(lang, 'importData')}</a>
          <details className="export-menu" data-testid="export-menu">
            <summary className="button secondary">{t(lang, 'exportData')} ▾</summary>
            <ul>
              <li><a href={`/api/export/seizures.csv${apiSearch(filters)}`} download>{t(lang, 'exportSeizuresCsv')}</a></li>
              <li><a href={`/api/export/seizures.geojson${apiSearch(filters)}`} download>{t(lang, 'exportSeizuresGeojson')}</a></li>
              <li><a href={`/api/export/blos.csv${apiSearch(filters)}`} download>{t(lang, 'exportBlosCsv')}</a></li>
              <li><a href={`/api/export/blos.geojson${apiSearch(filters)}`} download>{t(lang, 'exportBlosGeojson')}</a></li>
              <li><button type="button" data-testid="export-png" onClick={exportPng}>{t(lang, 'exportPng')}</button></li>
            </ul>
          </details>
          <button type="button" data-testid="copy-link" onClick={copyLink}>
            {t(lang, 'copyLink')}
          </button>
          <span role="status" className="copy-status">
            {copied === 'done' ? t(lang, 'copied') : copied === 'failed' ? <input readOnly value={typeof window === 'undefined' ? '' : window.location.href} onFocus={(e) => e.target.select()} aria-label="Link" /> : ''}
          </span>
        </div>
      </header>

      {summary.data && summary.data.syntheticCount > 0 && (
        <p className="banner" role="status" data-testid="synthetic-banner">
          {filters.synthetic === 'only' ? t(lang, 'syntheticOnlyBanner') : t(lang, 'syntheticBanner')} ({formatCount(lang, summary.data.syntheticCount)} / {formatCount(lang, summary.data.count)})
        </p>
      )}
      {problems.length > 0 && (
        <p className="warning" role="alert" data-testid="link-problems">
          {t(lang, 'badLink')}: {problems.map((p) => p.message).join('; ')}
        </p>
      )}
      {errors.length > 0 && (
        <p className="error" role="alert" data-testid="api-error">
          {t(lang, 'apiError')}: {errors[0]}{' '}
          <button type="button" className="secondary" onClick={retryAll}>{t(lang, 'retry')}</button>
        </p>
      )}

      <div className="workspace">
        <FiltersPanel lang={lang} filters={filters} today={today} blos={blos.data?.blos ?? []} onChange={setFilters} />

        <main className="center">
          <KpiCards lang={lang} summary={summary.data} loading={summary.loading} />
          <div className="map-wrap">
            <MapView
              camera={view.camera}
              flyKey={flyKey}
              styleUrl={styleUrl}
              blos={markers}
              selected={view.selected}
              layers={deckLayers}
              busy={busy}
              tilesPending={tilesPending}
              ariaLabel={t(lang, 'mapLabel')}
              getTooltip={getTooltip}
              onCameraChange={(camera: Camera) => update({ camera }, 'replace')}
              onSelectBlo={selectBlo}
            />
            <fieldset className="layer-toggles" aria-label={t(lang, 'layers')}>
              <legend>{t(lang, 'layers')}</legend>
              {MAP_LAYERS.map((id) => (
                <label key={id}>
                  <input type="checkbox" data-testid={`layer-${id}`} checked={layers.includes(id)} onChange={() => toggleLayer(id)} /> {t(lang, id)}
                </label>
              ))}
            </fieldset>
            <Legend lang={lang} layers={layers} substances={presentSubstances} hexMax={hexMax} tiles={useTiles} radiusKm={selectedBlo ? view.radiusKm : null} />
            {busy && !empty && <div className="map-loading" role="status">{t(lang, 'loading')}</div>}
            {empty && (
              <div className="map-empty" role="status" data-testid="empty-state">
                <p>{t(lang, 'noMatch')}</p>
                <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>{t(lang, 'reset')}</button>
              </div>
            )}
            <p className="map-note note">{t(lang, 'boundaryNote')}</p>
          </div>
          <TimeControl
            lang={lang}
            rows={rows}
            period={period}
            filterPeriod={filters}
            playback={playback}
            visible={playback.at ? visible : period}
            playing={playing}
            speed={speed}
            onPeriod={(p) => setFilters({ ...filters, ...p })}
            onPlayback={(p) => update({ playback: p }, 'replace')}
            onPlaying={setPlaying}
            onSpeed={setSpeed}
          />
          <SeriesChart lang={lang} rows={rows} period={filters} visible={playback.at ? visible : null} loading={series.loading} onPeriod={(p) => setFilters({ ...filters, ...p })} />
        </main>

        {selectedBlo && (
          <BloPanel
            lang={lang}
            blo={selectedBlo}
            detail={detail.data}
            loading={detail.loading}
            error={detail.error}
            radiusKm={view.radiusKm}
            onRadius={(radiusKm) => update({ radiusKm })}
            onFlyTo={flyTo}
            onClose={() => selectBlo(null)}
          />
        )}
      </div>

      <BloTable lang={lang} blos={blos.data?.blos ?? []} selected={view.selected} onSelect={selectBlo} />
    </div>
  );
}

function tooltipFor(info: PickingInfo, lang: ViewState['lang'], cols: PointAttributes['columns'] | undefined): { html: string } | null {
  if (info.index < 0 || !info.layer) return null;
  const name = (code: string) => escapeHtml(substanceName(lang, code));
  const line = (label: string, value: string) => `<div><span class="tt-label">${escapeHtml(label)}</span> ${value}</div>`;
  switch (info.layer.id) {
    case LAYER_IDS.points: {
      if (!cols || info.index >= cols.count) return null;
      const i = info.index;
      return {
        html: `<strong>${name(cols.header.substances[cols.substance[i]])}</strong>${line(formatKg(lang, cols.kgEq[i]), formatDay(lang, daysToIso(cols.days[i])))}`,
      };
    }
    case LAYER_IDS.hexagons: {
      const c = info.object as HotspotCell;
      return {
        html: `<strong>${formatCount(lang, c.count)} ${escapeHtml(t(lang, 'seizures').toLowerCase())}</strong>${line(t(lang, 'kgEq'), formatKg(lang, c.kgEq))}${line(t(lang, 'top'), name(c.topSubstance))}${line(t(lang, 'period'), `${formatDay(lang, c.firstSeizedOn)} – ${formatDay(lang, c.lastSeizedOn)}`)}`,
      };
    }
    case LAYER_IDS.routes: {
      const f = info.object as RouteFlow;
      return {
        html: `<strong>${escapeHtml(countryName(lang, f.origin))} → ${escapeHtml(countryName(lang, f.destination))}</strong>${line(t(lang, 'seizures'), formatCount(lang, f.count))}${line(t(lang, 'kgEq'), formatKg(lang, f.kgEq))}`,
      };
    }
    default: {
      // Vector-tile features (the sub-layers carry the tile layer's id as a prefix).
      if (!info.layer.id.startsWith(LAYER_IDS.tiles)) return null;
      const p = (info.object as { properties?: TileProps } | undefined)?.properties;
      if (!p) return null;
      return {
        html: `<strong>${name(p.substance)}</strong>${line(t(lang, 'seizures'), formatCount(lang, p.count))}${line(t(lang, 'kgEq'), formatKg(lang, p.kg))}${line(t(lang, 'lastSeizure'), formatDay(lang, daysToIso(p.last)))}`,
      };
    }
  }
}

function BloTable({ lang, blos, selected, onSelect }: { lang: ViewState['lang']; blos: BloRecord[]; selected: string | null; onSelect(code: string): void }) {
  const byCode = new Map(blos.map((b) => [b.code, b]));
  return (
    <section className="posts">
      <h2>{t(lang, 'allPosts')}</h2>
      <table data-testid="blo-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'blo')}</th>
            <th scope="col">{t(lang, 'border')}</th>
            <th scope="col">{t(lang, 'kind')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'opened')}</th>
            <th scope="col">{t(lang, 'paired')}</th>
            <th scope="col" className="num">{t(lang, 'seizures')}</th>
            <th scope="col" className="num">{t(lang, 'kgEq')}</th>
            <th scope="col">{t(lang, 'lastSeizure')}</th>
          </tr>
        </thead>
        <tbody>
          {blos.map((b) => (
            <tr key={b.code} data-testid="blo-row" data-code={b.code} data-status={b.status} aria-selected={b.code === selected}>
              <td>
                <button type="button" className="linklike" onClick={() => onSelect(b.code)}>
                  <strong>{bloName(lang, b)}</strong>
                </button>
                <span className="ru" lang={lang === 'ru' ? 'en' : 'ru'}>{bloOtherName(lang, b)}</span>
              </td>
              <td>{b.country} → {b.neighbor}</td>
              <td>{t(lang, b.kind)}</td>
              <td><span className={`badge badge-${b.status}`}>{t(lang, b.status)}</span></td>
              <td>{b.openedYear ?? '—'}</td>
              <td>{b.pairedCode && byCode.has(b.pairedCode) ? bloName(lang, byCode.get(b.pairedCode)!) : '—'}</td>
              <td className="num">{formatCount(lang, b.totals.count)}</td>
              <td className="num">{formatKg(lang, b.totals.kgEq)}</td>
              <td>{b.totals.lastSeizedOn ? formatDay(lang, b.totals.lastSeizedOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t(lang, 'boundaryNote')}</p>
    </section>
  );
}
