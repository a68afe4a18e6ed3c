'use client';
/**
 * The briefing's map: the dashboard's camera, layers and legend for the same view (the same data
 * requests, pinned to the briefing's data version), without controls. Its container has a fixed
 * size on screen and on paper, so printing never redraws it at another size.
 */
import '@/app/_components/browser-zod';
import dynamic from 'next/dynamic';
import { useMemo, type CSSProperties } from 'react';
import { t } from '@/lib/i18n/i18n';
import { MAP_COLOR_VARS } from '@/lib/map/colors';
import { parseViewState } from '@/lib/url/view-state';
import { Legend } from '@/app/_components/map/legend';
import { useMapContent } from '@/app/_components/dashboard/use-map-content';

const MapView = dynamic(() => import('@/app/_components/map/map-view').then((m) => m.MapView), {
  ssr: false,
  loading: () => <div className="map" data-testid="map" data-map-state="loading" />,
});

interface Props {
  /** The dashboard's search params of the view (with `asof`). */
  search: string;
  styleUrl: string | null;
  events: boolean;
  minCount: number | null;
}

const ignore = () => {};

export function BriefMap({ search, styleUrl, events, minCount }: Props) {
  const view = useMemo(() => parseViewState(new URLSearchParams(search)).view, [search]);
  const { data, layerInput, heat, legend, markers, places } = useMapContent(view, events, minCount);
  const { lang } = view;
  return (
    <div className="map-wrap brief-map" style={MAP_COLOR_VARS as CSSProperties}>
      <MapView
        camera={view.camera}
        motion="jump"
        styleUrl={styleUrl}
        blos={markers}
        places={places}
        foundPlace={null}
        selected={view.selected}
        layers={layerInput}
        heat={heat}
        busy={data.busy}
        tilesPending={data.tilesPending}
        ariaLabel={t(lang, 'mapLabel')}
        lang={lang}
        getTooltip={() => null}
        onCameraChange={ignore}
        onSelectBlo={ignore}
      />
      <Legend model={legend} />
      {data.errors.length > 0 && (
        <p className="error" role="alert">
          {data.errors[0]}
        </p>
      )}
    </div>
  );
}
