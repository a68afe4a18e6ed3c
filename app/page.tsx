import { getDatabase } from './_server/database';
import { listBlos, type BloSummary } from '../db/queries/list-blos';
import { getHealth, type Health } from '../db/queries/get-health';

export const dynamic = 'force-dynamic';

const KIND_LABEL = { road: 'Road', rail: 'Rail', river: 'River' } as const;

async function load(): Promise<{ blos: BloSummary[]; health: Health } | { error: string }> {
  try {
    const { db } = await getDatabase();
    return { blos: await listBlos(db), health: await getHealth(db) };
  } catch (e) {
    console.error(`page /: ${(e as Error).message}`);
    return { error: 'The database could not be opened. Check the server log; the page will work again once it is available.' };
  }
}

export default async function HomePage() {
  const data = await load();
  if ('error' in data) {
    return (
      <main>
        <h1>BLO Atlas</h1>
        <p className="error" role="alert">{data.error}</p>
      </main>
    );
  }
  const { blos, health } = data;
  const confirmed = blos.filter((b) => b.status === 'confirmed').length;
  const byCode = new Map(blos.map((b) => [b.code, b]));
  return (
    <main>
      <h1>BLO Atlas</h1>
      <p className="lede">
        Border Liaison Offices supported by UNODC in Central Asia: {blos.length} posts, {confirmed} confirmed by a public
        source and {blos.length - confirmed} unconfirmed (most likely sites).
      </p>
      {health.syntheticSeizures > 0 && (
        <p className="banner" role="status">
          This database holds {health.syntheticSeizures.toLocaleString('en')} synthetic seizures (a generated sample) beside{' '}
          {(health.seizures - health.syntheticSeizures).toLocaleString('en')} real, publicly reported ones.
        </p>
      )}
      <table data-testid="blo-table">
        <caption className="note" style={{ captionSide: 'bottom', textAlign: 'left', padding: '6px 0' }}>
          Positions are shown against Natural Earth 1:50m boundaries; boundaries are not an endorsement.
        </caption>
        <thead>
          <tr>
            <th scope="col">BLO</th>
            <th scope="col">Border</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
            <th scope="col">Paired post</th>
            <th scope="col">Location</th>
          </tr>
        </thead>
        <tbody>
          {blos.map((b) => (
            <tr key={b.code} data-testid="blo-row" data-code={b.code} data-status={b.status}>
              <td>
                <strong>{b.name}</strong>
                <span className="ru" lang="ru">{b.nameRu}</span>
              </td>
              <td>{b.country} → {b.neighbor}</td>
              <td>{KIND_LABEL[b.kind]}</td>
              <td>
                <span className={`badge badge-${b.status}`}>{b.status === 'confirmed' ? 'Confirmed' : 'Unconfirmed'}</span>
              </td>
              <td>{b.openedYear ?? '—'}</td>
              <td>{b.pairedCode ? byCode.get(b.pairedCode)?.name : '—'}</td>
              <td>
                {b.lngLat[1].toFixed(3)}° N, {b.lngLat[0].toFixed(3)}° E
                <span className="note" style={{ display: 'block' }}>
                  confidence {b.confidence}{b.inlandKm ? ` · inland ~${b.inlandKm} km` : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        Data: {health.seizures.toLocaleString('en')} seizures · PostGIS {health.postgis}. Sources per post in data/README.md.
      </footer>
    </main>
  );
}
