import { getEnv } from '../../lib/env';
import { IMPORT_COLUMNS, IMPORT_UNITS } from '../../lib/import-row';
import { ImportPanel } from '../_components/import-panel';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Import seizures · BLO Atlas' };

/** Upload a file of seizures; the format is described here and in the README. */
export default function ImportPage() {
  return (
    <main className="page">
      <p><a href="/">← Dashboard</a></p>
      <h1>Import seizures</h1>
      <p className="lede">
        A CSV (UTF-8, comma or semicolon, header row) or a GeoJSON FeatureCollection of points. Every row is checked; rows that
        cannot be read are reported with the reason and can be downloaded, never dropped. A file goes in whole or not at all, and
        importing the same file twice adds nothing.
      </p>
      <ImportPanel maxMb={getEnv().IMPORT_MAX_MB} />
      <details className="format-help">
        <summary>The format</summary>
        <p>
          Columns (or GeoJSON properties): <code>{IMPORT_COLUMNS.join(', ')}</code>. Required: <code>date</code> (YYYY-MM-DD, or
          YYYY-MM when only the month is known), <code>substance</code> (English or Russian, e.g. heroin, героин, hashish, гашиш,
          charas), <code>quantity</code> (decimal point or comma), <code>unit</code> ({IMPORT_UNITS.join(', ')}; кг, г, л, мл, шт also
          read), and a location: <code>lon</code> + <code>lat</code> (degrees, WGS84), or <code>blo</code> (a BLO code or any of its
          names, Latin or Cyrillic). Optional: transport, concealment, detection, origin and destination (ISO code or country name),
          source_ref (the row&apos;s identity for re-imports), notes. Lines starting with # are ignored.
        </p>
        <p>
          Rejected: a date in the future or before 1990, an unknown substance or unit, a quantity of 0 or less or above the ceiling,
          a point outside Central Asia and its neighbours, a row with broken quoting or the wrong number of fields.{' '}
          <a href="/api/imports/example" download>Download an example file</a>.
        </p>
      </details>
    </main>
  );
}
