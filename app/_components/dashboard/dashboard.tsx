'use client';
/**
 * The dashboard: filters, KPIs, the map with its layers, the period slider with playback, the
 * monthly chart and the BLO panel, all driven by one view state kept in the URL. Data comes from
 * /api/* through useDashboardData; the map's layers and legend are built in lib/map from it.
 */
import '@/app/_components/browser-zod';
import dynamic from 'next/dynamic';
import type { PickingInfo } from '@deck.gl/core';
import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { bloName, borderName, formatCount, t } from '@/lib/i18n/i18n';
import { linkProblemsText } from '@/lib/i18n/param-problem-text';
import { MAP_COLOR_VARS } from '@/lib/map/colors';
import { mapPicture, type PictureExport } from '@/lib/map/map-picture';
import { postJson } from '@/app/_components/access/auth-fetch';
import { tooltipFor } from '@/lib/map/map-tooltip';
import { DEFAULT_FILTERS, type Filters } from '@/lib/url/filters';
import { serializeViewState, type Camera, type Language } from '@/lib/url/view-state';
import { downloadMapPng } from '@/app/_components/map/export-png';
import { MapSearch, type Findable } from '@/app/_components/map/map-search';
import { PLACES } from '@/lib/catalogue/places';
import { placeSearchEntry, postSearchEntry } from '@/lib/search/place-search';
import type { CountryCode } from '@/lib/catalogue/vocabulary';
import { LayerToggles } from '@/app/_components/map/layer-toggles';
import { Legend } from '@/app/_components/map/legend';
import { WithheldNote } from '@/app/_components/panels/figure';
import { BloPanel } from '@/app/_components/panels/blo-panel';
import { BloTable } from '@/app/_components/panels/blo-table';
import { EmergingPanel } from '@/app/_components/panels/emerging-panel';
import { FiltersPanel } from '@/app/_components/panels/filters-panel';
import { KpiCards } from '@/app/_components/panels/kpi-cards';
import { SeriesChart } from '@/app/_components/panels/series-chart';
import { ReportingGridDialog } from '@/app/_components/panels/reporting-grid';
import { TimeControl } from '@/app/_components/panels/time-control';
import { pinnedLink, TopBar } from './top-bar';
import { PinnedBanner } from './pinned-banner';
import type { SignedIn } from '@/app/_components/access/account-menu';
import { useMapContent } from './use-map-content';
import { usePlayback } from './use-playback';
import { useViewState } from './use-view-state';
import { SeededAnswers, type SeededAnswer } from './seeded-answers';

/** Zoom at which a post's catchment rings are drawn large enough to see (25 km ≈ 40 px). */
const RINGS_ZOOM = 7.5;
/** How close the map flies to a place found by the search: its surroundings and the posts near it readable. */
const PLACE_FOUND_ZOOM = 8;

// Asked for as soon as this module runs, not when the map is first rendered: the map's code loads
// while the page hydrates.
const mapModule = typeof window === 'undefined' ? null : import('@/app/_components/map/map-view');
const MapView = dynamic(() => (mapModule ?? import('@/app/_components/map/map-view')).then((m) => m.MapView), {
  ssr: false,
  // Until the map's code has run: the map area in its water colour, at its final size (nothing moves when it draws).
  loading: () => <div className="map" data-testid="map" data-map-state="loading" />,
});

const subscribeNever = () => () => {};

/** "Loading" over the map, once scripts run (the server's HTML has no script to load anything with). */
function MapLoading({ lang }: { lang: Language }) {
  const scripted = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return scripted ? (
    <div className="map-loading" role="status">
      {t(lang, 'loading')}
    </div>
  ) : null;
}

interface Props {
  initialSearch: string;
  /** The server's answers to the view's first questions (its figures are in the HTML). */
  answers: readonly SeededAnswer[];
  today: string;
  styleUrl: string | null;
  account: SignedIn;
}

export function Dashboard({ answers, ...props }: Props) {
  return (
    <SeededAnswers answers={answers}>
      <DashboardView {...props} />
    </SeededAnswers>
  );
}

function DashboardView({ initialSearch, today, styleUrl, account }: Omit<Props, 'answers'>) {
  const { view, problems, update } = useViewState(initialSearch);
  const { lang, filters, playback, radiusKm } = view;
  const events = account.permissions.includes('events');
  const { layers, data, layerInput, heat, legend, markers, places } = useMapContent(view, events, account.minCount);
  // The place last found by the search, written at any zoom and marked until the next search.
  const [foundPlace, setFoundPlace] = useState<string | null>(null);
  const { playing, setPlaying, speed, setSpeed } = usePlayback(data.playPeriod, playback, update);
  // The camera the user asked to fly to (the BLO panel's paired post): only that one is animated.
  const [flight, setFlight] = useState<Camera | null>(null);
  const mapWrap = useRef<HTMLDivElement>(null);
  // A link without a camera frames every post at whatever size the map has.
  const [fitBlos] = useState(() => !new URLSearchParams(initialSearch).has('c'));
  // The camera the posts were framed at, until the view's camera changes (moved, a link, Back).
  const framedAt = useRef<Camera | null>(null);
  useEffect(() => {
    framedAt.current = null;
  }, [view.camera]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const { blos, selectedBlo, summary } = data;

  const setFilters = (next: Filters) => {
    setPlaying(false);
    update({ filters: next, playback: { ...playback, at: null } });
  };
  const setPeriod = (p: { from: string | null; to: string | null }) => setFilters({ ...filters, ...p });
  // Where focus was when a post's panel opened, to return it there when the panel closes.
  const openedFrom = useRef<HTMLElement | null>(null);
  const focusPanel = useRef(false);
  /**
   * Opens a post's panel and centres the map on it (closer in when asked, or when its catchment
   * rings are on, so they are drawn large enough to see); focus moves into the panel.
   */
  const openPost = (code: string, minZoom: number) => {
    const target = blos.find((b) => b.code === code);
    if (!target) return;
    if (view.selected === null) openedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusPanel.current = true;
    // From the camera shown: the posts' framing until the map is moved (the link does not name it).
    const from = framedAt.current ?? view.camera;
    const zoom = Math.max(from.zoom, minZoom, layers.includes('rings') ? RINGS_ZOOM : 0);
    const camera = { ...from, center: target.lngLat, zoom };
    setFlight(camera);
    update({ selected: code, camera });
  };
  const closePost = () => {
    const code = view.selected;
    update({ selected: null });
    // Back to what opened the panel, or else the post's marker; never the top of the page.
    const back =
      openedFrom.current?.isConnected && !openedFrom.current.closest('[data-testid="blo-panel"]')
        ? openedFrom.current
        : document.querySelector<HTMLElement>(`[data-testid="blo-marker"][data-code="${code}"]`);
    openedFrom.current = null;
    back?.focus();
  };
  const flyTo = (code: string) => openPost(code, 7);
  /** What the search finds: the posts this account sees and the places. */
  const findable = useMemo<Findable[]>(
    () => [
      ...blos.map((b) => ({ ...postSearchEntry(b), country: b.country as CountryCode })),
      ...PLACES.map((p) => ({ ...placeSearchEntry(p), country: p.country })),
    ],
    [blos],
  );
  /** A post found opens as a click on it would; a place is flown to, close enough to read its streets' names around it. */
  const goToFound = (found: Findable) => {
    if (found.kind === 'post') {
      setFoundPlace(null);
      openPost(found.id, 6.5);
      return;
    }
    setFoundPlace(`place:${found.id}`);
    const from = framedAt.current ?? view.camera;
    const camera = { ...from, center: found.lngLat, zoom: Math.max(from.zoom, PLACE_FOUND_ZOOM) };
    setFlight(camera);
    update({ camera });
  };

  // The panel, once open, takes the focus (and so comes into view).
  const panelCode = selectedBlo?.code ?? null;
  useEffect(() => {
    if (!panelCode || !focusPanel.current) return;
    focusPanel.current = false;
    document.querySelector<HTMLElement>('[data-testid="blo-panel-heading"]')?.focus();
  }, [panelCode]);

  // Escape closes the post's panel (a menu or field that used the key first keeps it).
  const escapeClosesPanel = useEffectEvent((e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || view.selected === null) return;
    e.preventDefault();
    closePost();
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => escapeClosesPanel(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const [exportError, setExportError] = useState<string | null>(null);
  const [reportingOpen, setReportingOpen] = useState(false);
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
      dataThrough: summary.data.dataThrough,
      selected: selectedBlo
        ? {
            name: bloName(lang, selectedBlo),
            border: borderName(lang, selectedBlo.country, selectedBlo.neighbor),
            figures: selectedBlo.totals,
          }
        : null,
      legend,
      link: pinnedLink(window.location.href, data.dataVersion),
      madeAt,
      exported: recorded.data,
    });
    void downloadMapPng(mapElement, picture, madeAt);
  };

  return (
    <div className="dashboard" data-testid="dashboard" style={MAP_COLOR_VARS as CSSProperties}>
      {/* The first Tab stops: straight to the map (arrow keys pan it; the next Tab is the first post) or the list of posts. */}
      <nav className="skip-links" aria-label={t(lang, 'skipLinks')}>
        <a
          href="#map"
          className="skip-link"
          data-testid="skip-to-map"
          onClick={(e) => {
            e.preventDefault();
            mapWrap.current?.querySelector<HTMLElement>('.maplibregl-canvas')?.focus();
          }}
        >
          {t(lang, 'skipToMap')}
        </a>
        <a href="#posts" className="skip-link" data-testid="skip-to-posts">
          {t(lang, 'skipToPosts')}
        </a>
      </nav>
      <TopBar
        lang={lang}
        filters={filters}
        dataVersion={data.dataVersion}
        briefHref={`/brief?${serializeViewState({ ...view, filters: { ...filters, asOf: data.dataVersion } })}`}
        pairsHref={`/pairs?${serializeViewState(view)}`}
        account={account}
        onLanguage={(next) => update({ lang: next })}
        onReporting={() => setReportingOpen(true)}
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
          {linkProblemsText(lang, problems)}
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

      {/* With a post's panel its column is set in the workspace's own tag: the centre has its final width from the first
          paint, even when the browser paints before it has read the panel's markup. */}
      <div className={selectedBlo ? 'workspace with-panel' : 'workspace'}>
        <FiltersPanel lang={lang} filters={filters} today={today} blos={blos} onChange={setFilters} />

        <main className="center">
          <KpiCards
            lang={lang}
            summary={summary.data}
            loading={summary.loading}
            period={data.period}
            compare={filters.compare}
            playbackWindow={playback.at ? data.visible : null}
            reporting={data.reporting}
            onReporting={() => setReportingOpen(true)}
          />
          {account.minCount !== null &&
            summary.data &&
            (summary.data.count === null || summary.data.bySubstance.some((s) => s.count === null)) && (
              <WithheldNote lang={lang} minCount={account.minCount} />
            )}
          <div className="map-toolbar">
            <LayerToggles
              lang={lang}
              layers={layers}
              events={events}
              postSelected={selectedBlo !== null}
              canCompare={data.changesAgainst !== null}
              onChange={(next) => update({ layers: next })}
            />
            <MapSearch lang={lang} entries={findable} onGo={goToFound} />
          </div>
          <div className="map-wrap" id="map" ref={mapWrap}>
            <MapView
              camera={view.camera}
              motion={view.camera === flight ? 'fly' : 'jump'}
              styleUrl={styleUrl}
              blos={markers}
              places={places}
              foundPlace={foundPlace}
              fitBlos={fitBlos}
              selected={view.selected}
              layers={layerInput}
              heat={heat}
              busy={data.busy}
              tilesPending={data.tilesPending}
              ariaLabel={t(lang, 'mapLabel')}
              lang={lang}
              getTooltip={(info: PickingInfo) => tooltipFor(info, lang, data.points?.columns, data.emerging?.method.step)}
              onCameraChange={(camera: Camera) => update({ camera }, 'replace')}
              onFramed={(camera: Camera) => (framedAt.current = camera)}
              onSelectBlo={(code: string) => openPost(code, 0)}
            />
            {data.busy && !data.empty && <MapLoading lang={lang} />}
            {data.empty && (
              <div className="map-empty" role="status" data-testid="empty-state">
                <p>{t(lang, 'noMatch')}</p>
                <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
                  {t(lang, 'reset')}
                </button>
              </div>
            )}
            <noscript>
              <p className="map-needs-js" data-testid="map-needs-js">
                {t(lang, 'mapNeedsJavaScript')}
              </p>
            </noscript>
            <p className="map-note note">{t(lang, 'boundaryNote')}</p>
          </div>
          <Legend model={legend} strip />
          {layers.includes('emerging') && (
            <EmergingPanel
              lang={lang}
              settings={view.emerging}
              answer={data.emerging}
              loading={data.emergingLoading}
              blos={blos}
              aggregates={!events}
              onSettings={(emerging) => update({ emerging })}
              onOpenPost={(code) => openPost(code, 6.5)}
            />
          )}
          <TimeControl
            lang={lang}
            rows={data.rows}
            earlier={data.earlier}
            period={data.playPeriod}
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
            comparison={data.comparison}
            visible={playback.at ? data.visible : null}
            reporting={data.reporting}
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
            baselines={data.baselines}
            statuses={data.reporting?.grid.posts.get(selectedBlo.code)}
            onRadius={(r) => update({ radiusKm: r })}
            onFlyTo={flyTo}
            onClose={closePost}
          />
        )}
      </div>

      <ReportingGridDialog
        lang={lang}
        open={reportingOpen}
        grid={data.reporting?.grid ?? null}
        blos={blos}
        posts={data.postsShown}
        period={data.period}
        onClose={() => setReportingOpen(false)}
      />
      <BloTable
        lang={lang}
        blos={blos}
        before={data.blosBefore}
        comparison={data.comparison}
        selected={view.selected}
        minCount={account.minCount}
        latest={data.latestMonths}
        onSelect={(code) => openPost(code, 6.5)}
      />
    </div>
  );
}
