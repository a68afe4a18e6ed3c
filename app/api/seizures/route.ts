import { apiRoute } from '@/app/_server/api-route';
import { listSeizureColumns, listSeizures } from '@/db/queries/list-seizures';
import { DEFAULT_BINARY_ROWS, MAX_JSON_ROWS } from '@/lib/url/api-params';
import { ParamError } from '@/lib/url/filters';
import { encodeColumns } from '@/lib/api/seizure-columns-codec';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';

export const dynamic = 'force-dynamic';

/**
 * The filtered seizures: JSON pages (default, limit ≤ 5000) and GeoJSON pages newest first, or the
 * binary columns the map loads (format=bin, limit ≤ 1,000,000, default 250,000: all of them in
 * storage order, or the newest `limit` when there are more).
 */
export const GET = apiRoute(
  { permission: ['view', 'events'], params: ['format', 'limit', 'offset'] },
  async ({ database, filters, params }) => {
    const format = params.format ?? 'json';
    if (format === 'bin') {
      if (params.offset) throw new ParamError('offset', 'is not used with format=bin');
      const columns = await listSeizureColumns(database.db, filters, params.limit ?? DEFAULT_BINARY_ROWS, SUBSTANCE_CODES);
      return {
        bytes: encodeColumns(columns, { substances: [...SUBSTANCE_CODES], dayEpoch: '1970-01-01' }),
        contentType: 'application/octet-stream',
        auditRows: columns.count,
      };
    }
    const limit = params.limit ?? 500;
    if (limit > MAX_JSON_ROWS) throw new ParamError('limit', `must be ≤ ${MAX_JSON_ROWS} for format=${format}`);
    const page = await listSeizures(database.db, filters, { limit, offset: params.offset ?? 0 });
    const auditRows = page.rows.length;
    if (format === 'json') return { json: { total: page.total, limit, offset: params.offset ?? 0, seizures: page.rows }, auditRows };
    return {
      json: {
        type: 'FeatureCollection',
        total: page.total,
        features: page.rows.map(({ lngLat, ...properties }) => ({
          type: 'Feature',
          id: properties.id,
          geometry: { type: 'Point', coordinates: lngLat },
          properties,
        })),
      },
      auditRows,
    };
  },
);
