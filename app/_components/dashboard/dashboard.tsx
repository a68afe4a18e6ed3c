'use client';
/**
 * The dashboard: filters, KPIs, the map with its layers, the period slider with playback, the
 * monthly chart and the BLO panel, all driven by one view state kept in the URL. Data comes from
 * /api/* through useDashboardData; the map's layers and legend are built in lib/map from it.
 */
import '@/app/_components/browser-zod';
import dynamic from 'next/dynamic';
import type { PickingInfo } from '@deck.gl/core';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { formatCount, t } from '@/lib/i18n/i18n';
import { MAP_COLOR_VARS } from '@/lib/map/colors';
import { latestSeizure, mapPicture, type PictureExport } from '@/lib/map/map-picture';
import { postJson } from '@/app/_components/access/auth-fetch';
import { tooltipFor } from '@/lib/map/map-tooltip';
import { DEFAULT_FILTERS, type Filters } from '@/lib/url/filters';
import { serializeViewState, type Camera } from '@/lib/url/view-state';
import { downloadMapPng } from '@/app/_components/map/export-png';
import { LayerToggles } from '@/app/_components/map/layer-toggles';
import { Legend } from '@/app/_components/map/legend';
import { WithheldNote } from '@/app/_components/panels/figure';
import { BloPanel } from '@/app/_components/panels/blo-panel';
import { BloTable } from '@/app/_components/panels/blo-table';
import { FiltersPanel } from '@/app/_components/panels/filters-panel';
import { KpiCards } from '@/app/_components/panels/kpi-cards';
import { SeriesChart } from '@/app/_components/panels/series-chart';
import { TimeControl } from '@/app/_components/panels/time-control';
import { pinnedLink, TopBar } from './top-bar';
import { PinnedBanner } from './pinned-banner';
import type { SignedIn } from '@/app/_components/access/account-menu';
import { useMapContent } from './use-map-content';
import { usePlayback } from './use-playback';
import { useViewState } from './use-view-state';

const MapView = dynamic(() => import('@/app/_components/map/map-view').then((m) => m.MapView), {
  ssr: false,
  loading: () => <div className="map" data-testid="map" data-map-state="loading" />,
});

interface Props {
  initialSearch: string;
  today: string;
  styleUrl: string | null;
  account: SignedIn;
}

export function Dashboard({ initialSearch, today, styleUrl, account }: Props) {
  const { view, problems, update } = useViewState(initialSearch);
  const { lang, filters, playback, radiusKm } = view;
  const events = account.permissions.includes('events');
  const { layers, data, deckLayers, legend, markers } = useMapContent(view, events, account.minCount);
  const { playing, setPlaying, speed, setSpeed } = usePlayback(data.period, playback, update);
  // The camera the user asked to fly to (the BLO panel's paired post): only that one is animated.
  const [flight, setFlight] = useState<Camera | null>(null);
  const mapWrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const { blos, selectedBlo, summary } = data;

  const setFilters = (next: Filters) => {
    setPlaying(false);
    update({ filters: next, playback: { ...playback, at: null } });
  };
  const setPeriod = (p: { from: string | null; to: string | null }) => setFilters({ ...filters, ...p });
  const selectBlo = (code: string | null) => update({ selected: code });
  const flyTo = (code: string) => {
    const target = blos.find((b) => b.code === code);
    if (!target) return;
    const camera = { ...view.camera, center: target.lngLat, zoom: Math.max(view.camera.zoom, 7) };
    setFlight(camera);
    update({ selected: code, camera });
  };

  const [exportError, setExportError] = useState<string | null>(null);
  // The server records the picture first (its audit entry goes into the footer and the watermark).
  const exportPng = async () => {
    const mapElement = mapWrap.current?.querySelector<HTMLElement>('.map');
    if (!mapElement || !summary.data) return;
    setExportError(null);
    // The view as pinned to the figures drawn: the audit row reopens exactly them.
    const recorded = await postJson<PictureExport>('/api/export/picture', {
      view: new URL(pinnedLink(window.location.href, data.dataVersion)).search,
    });
    if (!recorded.ok) {
      setExportError(recorded.message);
      return;
    }
    const madeAt = new Date(recorded.data.at);
    const picture = mapPicture({
      lang,
      filters,
      playbackWindow: playback.at ? data.visible : null,
      summary: summary.data,
      lastSeizure: latestSeizure(blos),
      legend,
      link: pinnedLink(window.location.href, data.dataVersion),
      madeAt,
      exported: recorded.data,
    });
    void downloadMapPng(mapElement, picture, madeAt);
  };

  return (
    <div className="dashboard" data-testid="dashboard">
      <TopBar
        lang={lang}
        filters={filters}
        dataVersion={data.dataVersion}
        briefHref={`/brief?${serializeViewState({ ...view, filters: { ...filters, asOf: data.dataVersion } })}`}
        account={account}
        onLanguage={(next) => update({ lang: next })}
        onExportPng={() => void exportPng()}
      />

      <PinnedBanner lang={lang} filters={filters} onShowCurrent={() => update({ filters: { ...filters, asOf: null } })} />
      {summary.data && summary.data.syntheticCount !== null && summary.data.count !== null && summary.data.syntheticCount > 0 && (
        <p className="banner" role="status" data-testid="synthetic-banner">
          {filters.synthetic === 'only' ? t(lang, 'syntheticOnlyBanner') : t(lang, 'syntheticBanner')} (
          {formatCount(lang, summary.data.syntheticCount)} / {formatCount(lang, summary.data.count)})
        </p>
      )}
      {!events && (
        <p className="note aggregates-only" role="status" data-testid="aggregates-only">
          {t(lang, 'aggregatesOnly')}
        </p>
      )}
      {problems.length > 0 && (
        <p className="warning" role="alert" data-testid="link-problems">
          {t(lang, 'badLink')}: {problems.map((p) => p.message).join('; ')}
        </p>
      )}
      {exportError && (
        <p className="error" role="alert" data-testid="export-error">
          {t(lang, 'exportPng')}: {exportError}
        </p>
      )}
      {data.errors.length > 0 && (
        <p className="error" role="alert" data-testid="api-error">
          {t(lang, 'apiError')}: {data.errors[0]}{' '}
          <button type="button" className="secondary" onClick={data.retryAll}>
            {t(lang, 'retry')}
          </button>
        </p>
      )}

      <div className="workspace">
        <FiltersPanel lang={lang} filters={filters} today={today} blos={blos} onChange={setFilters} />

        <main className="center">
          <KpiCards lang={lang} summary={summary.data} loading={summary.loading} />
          {account.minCount !== null &&
            summary.data &&
            (summary.data.count === null || summary.data.bySubstance.some((s) => s.count === null)) && (
              <WithheldNote lang={lang} minCount={account.minCount} />
            )}
          <div className="map-wrap" ref={mapWrap} style={MAP_COLOR_VARS as CSSProperties}>
            <MapView
              camera={view.camera}
              motion={view.camera === flight ? 'fly' : 'jump'}
              styleUrl={styleUrl}
              blos={markers}
              selected={view.selected}
              layers={deckLayers}
              busy={data.busy}
              tilesPending={data.tilesPending}
              ariaLabel={t(lang, 'mapLabel')}
              getTooltip={(info: PickingInfo) => tooltipFor(info, lang, data.points?.columns)}
              onCameraChange={(camera: Camera) => update({ camera }, 'replace')}
              onSelectBlo={selectBlo}
            />
            <LayerToggles lang={lang} layers={layers} events={events} onChange={(next) => update({ layers: next })} />
            <Legend model={legend} />
            {data.busy && !data.empty && (
              <div className="map-loading" role="status">
                {t(lang, 'loading')}
              </div>
            )}
            {data.empty && (
              <div className="map-empty" role="status" data-testid="empty-state">
                <p>{t(lang, 'noMatch')}</p>
                <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
                  {t(lang, 'reset')}
                </button>
              </div>
            )}
            <p className="map-note note">{t(lang, 'boundaryNote')}</p>
          </div>
          <TimeControl
            lang={lang}
            rows={data.rows}
            period={data.period}
            filterPeriod={filters}
            playback={playback}
            visible={playback.at ? data.visible : data.period}
            playing={playing}
            speed={speed}
            onPeriod={setPeriod}
            onPlayback={(p) => update({ playback: p }, 'replace')}
            onPlaying={setPlaying}
            onSpeed={setSpeed}
          />
          <SeriesChart
            lang={lang}
            rows={data.rows}
            period={filters}
            visible={playback.at ? data.visible : null}
            loading={data.series.loading}
            onPeriod={setPeriod}
          />
        </main>

        {selectedBlo && (
          <BloPanel
            lang={lang}
            blo={selectedBlo}
            detail={data.detail.data}
            recent={data.recent}
            minCount={account.minCount}
            loading={data.detail.loading}
            error={data.panelError}
            radiusKm={radiusKm}
            onRadius={(r) => update({ radiusKm: r })}
            onFlyTo={flyTo}
            onClose={() => selectBlo(null)}
          />
        )}
      </div>

      <BloTable lang={lang} blos={blos} selected={view.selected} minCount={account.minCount} onSelect={selectBlo} />
    </div>
  );
}
