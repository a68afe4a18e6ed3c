/**
 * The access matrix, on whichever backend the suite opened: every API route called in-process (the
 * real route handlers, sessions from the real sign-in endpoint) as signed-out, viewer, analyst,
 * editor, admin, an analyst limited to Kazakhstan and a viewer limited to no country. Each answer's
 * status is checked, and what the scoped accounts receive is compared with the fixture rows
 * filtered in TypeScript: nothing from outside their countries may appear.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as turf from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { cellToParent, latLngToCell } from 'h3-js';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { ScratchDatabase } from './database-suite';
import { rowsOf } from '@/db/result-rows';
import { createAccount } from '@/db/accounts';
import { createAuth } from '@/db/auth';
import { authSettingsOf } from '@/lib/access/auth-settings';
import { parseEnv } from '@/lib/env';
import { getAuth } from '@/app/_server/auth';
import { flushAudit } from '@/app/_server/audit';
import { resolutionForZoom } from '@/lib/geo/h3-resolution';
import type { CountryScope } from '@/lib/access/country-scope';
import type { Role } from '@/lib/access/roles';
import type { BloRecord } from '@/lib/catalogue/blo-record';
import type {
  BloDetailAnswer,
  BloListItem,
  CatchmentSeizuresAnswer,
  EmergingAnswer,
  PairsAnswer,
  ReportingAnswer,
  HotspotsAnswer,
  RouteFlow,
  SeriesAnswer,
  SummaryAnswer,
} from '@/lib/api/api-types';
import { TILE_LAYER } from '@/db/queries/get-tile';
import { tally, type OracleRow } from '@/tests/oracles/seizure-oracle';
import * as health from '@/app/api/health/route';
import * as ready from '@/app/api/ready/route';
import * as metrics from '@/app/api/metrics/route';
import * as countries from '@/app/api/countries/route';
import * as summary from '@/app/api/summary/route';
import * as timeseries from '@/app/api/timeseries/route';
import * as blos from '@/app/api/blos/route';
import * as blo from '@/app/api/blos/[code]/route';
import * as bloSeizures from '@/app/api/blos/[code]/seizures/route';
import * as picture from '@/app/api/export/picture/route';
import * as hotspots from '@/app/api/hotspots/route';
import * as emerging from '@/app/api/emerging/route';
import * as baselines from '@/app/api/baselines/route';
import * as reporting from '@/app/api/reporting/route';
import * as pairs from '@/app/api/pairs/route';
import * as routes from '@/app/api/routes/route';
import * as seizures from '@/app/api/seizures/route';
import * as tiles from '@/app/api/tiles/[z]/[x]/[y]/route';
import * as exportFile from '@/app/api/export/[file]/route';
import * as imports from '@/app/api/imports/route';
import * as importExample from '@/app/api/imports/example/route';
import * as rejections from '@/app/api/imports/[batch]/rejections/route';
import * as undo from '@/app/api/imports/[batch]/undo/route';
import * as reimport from '@/app/api/imports/[batch]/reimport/route';
import * as revisions from '@/app/api/revisions/route';
import * as users from '@/app/api/admin/users/route';
import * as user from '@/app/api/admin/users/[id]/route';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as setup from '@/app/api/setup/route';
import * as audit from '@/app/api/audit/route';
import * as auditCsv from '@/app/api/audit/csv/route';
import { archiveAuditLog } from '@/db/audit-archive';
import { insertAuditEvents } from '@/db/queries/audit';
import { getSummary } from '@/db/queries/get-summary';
import { listBlos } from '@/db/queries/list-blos';
import { parseFilters } from '@/lib/url/filters';
import { close } from './filter-cases';

const ORIGIN = 'http://127.0.0.1:3000';
const PASSWORD = 'a long enough passphrase';
const blosFile = JSON.parse(readFileSync('data/blos.json', 'utf8')) as BloRecord[];
const KZ_POSTS = blosFile.filter((b) => b.country === 'KZ').map((b) => b.code);

type Who = 'signed-out' | 'viewer' | 'analyst' | 'editor' | 'admin' | 'kz-analyst' | 'nobody';
const ACCOUNTS: Record<Exclude<Who, 'signed-out'>, { role: Role; scope: CountryScope }> = {
  viewer: { role: 'viewer', scope: 'all' },
  analyst: { role: 'analyst', scope: 'all' },
  editor: { role: 'editor', scope: 'all' },
  admin: { role: 'admin', scope: 'all' },
  'kz-analyst': { role: 'analyst', scope: ['KZ'] },
  nobody: { role: 'viewer', scope: [] },
};
const WHO: Who[] = ['signed-out', 'viewer', 'analyst', 'editor', 'admin', 'kz-analyst', 'nobody'];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Call {
  name: string;
  handler: Handler;
  path: string;
  params?: Record<string, string>;
  method?: string;
  body?: BodyInit;
  contentType?: string;
  /** Who gets a 2xx; everyone else signed in gets 403, signed out 401. `all` includes the signed-out. */
  allowed: readonly Who[] | 'all';
  /** Status of an allowed answer (default 200). */
  status?: number;
}

const VIEW: Who[] = ['viewer', 'analyst', 'editor', 'admin', 'kz-analyst', 'nobody'];
/** Single seizures, and seizure files. */
const EVENTS: Who[] = ['analyst', 'editor', 'admin', 'kz-analyst'];
const IMPORT: Who[] = ['editor', 'admin'];
const USERS: Who[] = ['admin'];

/**
 * What a command prints first on a new database, as the app's first start prepares it: the embedded
 * one seeded (SEED_ROWS 500, as runCli sets), a server one given its reference data.
 */
const PREPARED = (command: string) =>
  `${command}: (seeded the new embedded database \\(41 public \\+ 500 synthetic seizures\\)|loaded the reference data into the new database \\(24 posts, 21 borders\\))\\n`;

/** Runs a command of db/cli with `env` added; its exit code and what it printed (both streams). */
function runCli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', [script, ...args], {
      env: { ...process.env, SEED_ROWS: '500', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out: out.trim() }));
  });
}

export function defineAccessTests(getDatabase: () => Database, getRows: () => OracleRow[], scratch: () => Promise<ScratchDatabase>): void {
  describe('access: every route as every kind of account', () => {
    const cookies = new Map<Who, string>();
    const ids = new Map<Who, string>();
    let spareId = '';
    let batchId = 0;
    const holder = globalThis as Record<symbol, unknown>;

    const call = async (
      who: Who,
      c: Pick<Call, 'handler' | 'path' | 'params' | 'method' | 'body' | 'contentType'> & { headers?: Record<string, string> },
    ) => {
      const headers = new Headers({ host: '127.0.0.1:3000', ...c.headers });
      const cookie = cookies.get(who);
      if (cookie) headers.set('cookie', cookie);
      if (c.method && c.method !== 'GET') headers.set('origin', ORIGIN);
      if (c.contentType) headers.set('content-type', c.contentType);
      const request = new Request(`${ORIGIN}${c.path}`, {
        method: c.method ?? 'GET',
        headers,
        body: c.body,
        duplex: 'half',
      } as RequestInit);
      return c.handler(request, { params: Promise.resolve(c.params ?? {}) });
    };
    /** POST /api/auth/sign-in/email, signed out. */
    const signIn = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
      call('signed-out', {
        handler: authRoute.POST as Handler,
        path: '/api/auth/sign-in/email',
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({ email, password }),
        headers,
      });
    const json = async <T>(who: Who, c: Pick<Call, 'handler' | 'path' | 'params'>): Promise<T> => {
      const response = await call(who, c);
      expect(response.status, `${who} ${c.path}`).toBe(200);
      return (await response.json()) as T;
    };

    beforeAll(async () => {
      // The route handlers reach the database and sign-in service through these process-wide holders.
      holder[Symbol.for('blo-atlas.database')] = Promise.resolve(getDatabase());
      delete holder[Symbol.for('blo-atlas.auth')];
      const auth = await getAuth();
      const { db } = getDatabase();
      for (const [who, a] of Object.entries(ACCOUNTS) as [Exclude<Who, 'signed-out'>, (typeof ACCOUNTS)['viewer']][]) {
        const email = `${who}@example.org`;
        ids.set(who, await createAccount(db, auth, { email, name: who, password: PASSWORD, ...a }));
        const response = await signIn(email);
        expect(response.status, `sign-in of ${who}`).toBe(200);
        expect(await response.json()).toEqual({ signedIn: email });
        cookies.set(
          who,
          response.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
        );
      }
      spareId = await createAccount(db, auth, {
        email: 'spare@example.org',
        name: 'Spare',
        password: PASSWORD,
        role: 'viewer',
        scope: 'all',
      });
      // A batch whose only row is rejected: its rejections exist, and no seizure is added to the fixture.
      const imported = await call('admin', {
        handler: imports.POST as Handler,
        path: '/api/imports?name=rejected.csv',
        method: 'POST',
        contentType: 'text/csv',
        body: 'date,substance,quantity,unit,blo\n2024-05-01,chalk,2,kg,oybek\n',
      });
      const summaryLine = (await imported.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; batch?: number; accepted?: number });
      const done = summaryLine.find((l) => l.type === 'summary')!;
      expect(done.accepted).toBe(0);
      batchId = done.batch!;
    });
    afterAll(() => {
      delete holder[Symbol.for('blo-atlas.database')];
      delete holder[Symbol.for('blo-atlas.auth')];
    });

    const CALLS: Call[] = [
      { name: 'health', handler: health.GET as Handler, path: '/api/health', allowed: 'all' },
      { name: 'readiness', handler: ready.GET as Handler, path: '/api/ready', allowed: 'all' },
      { name: 'metrics', handler: metrics.GET as Handler, path: '/api/metrics', allowed: USERS },
      { name: 'session', handler: authRoute.GET as Handler, path: '/api/auth/get-session', allowed: 'all' },
      { name: 'countries', handler: countries.GET as Handler, path: '/api/countries', allowed: VIEW },
      { name: 'summary', handler: summary.GET as Handler, path: '/api/summary?from=2023-01-01', allowed: VIEW },
      { name: 'timeseries', handler: timeseries.GET as Handler, path: '/api/timeseries', allowed: VIEW },
      { name: 'BLO list', handler: blos.GET as Handler, path: '/api/blos', allowed: VIEW },
      { name: 'hotspots', handler: hotspots.GET as Handler, path: '/api/hotspots?z=5', allowed: VIEW },
      { name: 'emerging hot spots', handler: emerging.GET as Handler, path: '/api/emerging?res=5&step=quarter', allowed: VIEW },
      {
        name: 'seasonal baselines',
        handler: baselines.GET as Handler,
        path: '/api/baselines?from=2025-01-01&to=2025-06-30',
        allowed: VIEW,
      },
      { name: 'reporting grid', handler: reporting.GET as Handler, path: '/api/reporting', allowed: VIEW },
      { name: 'paired posts', handler: pairs.GET as Handler, path: '/api/pairs?from=2025-01-01&to=2025-06-30', allowed: VIEW },
      { name: 'routes', handler: routes.GET as Handler, path: '/api/routes', allowed: VIEW },
      { name: 'revisions since a version', handler: revisions.GET as Handler, path: '/api/revisions?asof=1', allowed: VIEW },
      { name: 'seizures', handler: seizures.GET as Handler, path: '/api/seizures?limit=10', allowed: EVENTS },
      { name: 'seizures (binary)', handler: seizures.GET as Handler, path: '/api/seizures?format=bin', allowed: EVENTS },
      { name: 'tile', handler: tiles.GET as Handler, path: '/api/tiles/5/22/11', params: { z: '5', x: '22', y: '11' }, allowed: EVENTS },
      {
        name: "a KZ post's seizures",
        handler: bloSeizures.GET as Handler,
        path: '/api/blos/b-konysbaev/seizures',
        params: { code: 'b-konysbaev' },
        allowed: EVENTS,
      },
      {
        name: 'BLO panel (a KZ post)',
        handler: blo.GET as Handler,
        path: '/api/blos/b-konysbaev',
        params: { code: 'b-konysbaev' },
        // A post outside the account's countries is not found, whoever asks.
        allowed: ['viewer', 'analyst', 'editor', 'admin', 'kz-analyst'],
        status: 200,
      },
      {
        name: 'seizure export',
        handler: exportFile.GET as Handler,
        path: '/api/export/seizures.csv',
        params: { file: 'seizures.csv' },
        allowed: EVENTS,
      },
      {
        name: 'seizure export (GeoJSON)',
        handler: exportFile.GET as Handler,
        path: '/api/export/seizures.geojson',
        params: { file: 'seizures.geojson' },
        allowed: EVENTS,
      },
      {
        name: 'BLO export',
        handler: exportFile.GET as Handler,
        path: '/api/export/blos.geojson',
        params: { file: 'blos.geojson' },
        // Per-post totals: viewers too, with small figures withheld.
        allowed: VIEW,
      },
      {
        name: 'map picture (its audit entry)',
        handler: picture.POST as Handler,
        path: '/api/export/picture',
        method: 'POST',
        contentType: 'application/json',
        body: '{"view":"?substance=heroin&lang=ru"}',
        allowed: VIEW,
      },
      { name: 'import history', handler: imports.GET as Handler, path: '/api/imports', allowed: IMPORT },
      { name: 'import example', handler: importExample.GET as Handler, path: '/api/imports/example', allowed: IMPORT },
      {
        name: 'import rejections',
        handler: rejections.GET as Handler,
        path: '/api/imports/1/rejections',
        params: { batch: 'BATCH' },
        allowed: IMPORT,
      },
      {
        name: 'import (dry run)',
        handler: imports.POST as Handler,
        path: '/api/imports?name=check.csv&dry=1',
        method: 'POST',
        contentType: 'text/csv',
        body: 'date,substance,quantity,unit,blo\n2024-05-01,heroin,2,kg,oybek\n',
        allowed: IMPORT,
      },
      // The batch added no seizure: nothing to undo, and it is not undone (409 once allowed).
      {
        name: 'import undo',
        handler: undo.POST as Handler,
        path: '/api/imports/1/undo',
        params: { batch: 'BATCH' },
        method: 'POST',
        allowed: IMPORT,
        status: 409,
      },
      {
        name: 'import re-import',
        handler: reimport.POST as Handler,
        path: '/api/imports/1/reimport',
        params: { batch: 'BATCH' },
        method: 'POST',
        allowed: IMPORT,
        status: 409,
      },
      { name: 'user list', handler: users.GET as Handler, path: '/api/admin/users', allowed: USERS },
      { name: 'audit log', handler: audit.GET as Handler, path: '/api/audit?limit=5', allowed: USERS },
      { name: 'audit log CSV', handler: auditCsv.GET as Handler, path: '/api/audit/csv?action=denied', allowed: USERS },
      {
        name: 'user creation (bad body)',
        handler: users.POST as Handler,
        path: '/api/admin/users',
        method: 'POST',
        contentType: 'application/json',
        body: '{"email":"x"}',
        allowed: USERS,
        status: 400,
      },
      {
        name: 'user change',
        handler: user.PATCH as Handler,
        path: '/api/admin/users/SPARE',
        params: { id: 'SPARE' },
        method: 'PATCH',
        contentType: 'application/json',
        body: '{"endSessions":true}',
        allowed: USERS,
      },
    ];

    it.each(CALLS.map((c) => [c.name, c] as const))('%s: 401 signed out, 403 without the permission, else its answer', async (_name, c) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of WHO) {
        const params = Object.fromEntries(
          Object.entries(c.params ?? {}).map(([k, v]) => [k, v === 'SPARE' ? spareId : v === 'BATCH' ? String(batchId) : v]),
        );
        const path = c.path.replace('SPARE', spareId).replace('/1/', `/${batchId}/`);
        const response = await call(who, { ...c, path, params });
        got[who] = response.status;
        const allowed = c.allowed === 'all' || c.allowed.includes(who);
        want[who] = allowed
          ? (c.status ?? 200)
          : who === 'signed-out'
            ? 401
            : c.name.startsWith('BLO panel') && who === 'nobody'
              ? 404
              : 403;
        if (!allowed && response.status !== 404) {
          const body = (await response.json()) as { error: { message: string; permission?: string } };
          expect(body.error.message.length).toBeGreaterThan(0);
          if (response.status === 403) expect(body.error.permission).toBeDefined();
        }
      }
      expect(got).toEqual(want);
    });

    it('tells the signed-out only that the server is up, and its version', async () => {
      const body = await (await call('signed-out', { handler: health.GET as Handler, path: '/api/health' })).json();
      expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), dataVersion: expect.any(Number) });
      expect(await (await call('kz-analyst', { handler: health.GET as Handler, path: '/api/health' })).json()).toEqual(body);
      expect(await (await call('viewer', { handler: health.GET as Handler, path: '/api/health' })).json()).toMatchObject({
        blos: 24,
        seizures: getRows().length,
      });
    });

    it('is ready with every shipped migration applied, and counts requests per route pattern for admins', async () => {
      const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
      const readiness = await call('signed-out', { handler: ready.GET as Handler, path: '/api/ready' });
      expect(readiness.status).toBe(200);
      expect(await readiness.json()).toEqual({ status: 'ready', migrations: journal.entries.length, dataVersion: expect.any(Number) });
      expect((await call('signed-out', { handler: ready.GET as Handler, path: '/api/ready?x=1' })).status).toBe(400);
      await call('viewer', { handler: blo.GET as Handler, path: '/api/blos/oybek', params: { code: 'oybek' } });
      const text = await (await call('admin', { handler: metrics.GET as Handler, path: '/api/metrics' })).text();
      // One series per route pattern, never one per post.
      expect(text).toMatch(
        /blo_atlas_http_request_duration_seconds_count\{route="\/api\/blos\/\{code\}",method="GET",status="200"\} [1-9]/,
      );
      expect(text).not.toContain('/api/blos/oybek');
      expect(text).toMatch(/blo_atlas_http_request_duration_seconds_count\{route="\/api\/ready",method="GET",status="400"\} [1-9]/);
    });

    it('names the current data version on every answer, keys the ETag to it, and refuses a version that does not exist', async () => {
      const alive = await call('analyst', { handler: health.GET as Handler, path: '/api/health' });
      const { dataVersion } = (await alive.json()) as { dataVersion: number };
      expect(dataVersion).toBeGreaterThan(0);
      expect(alive.headers.get('data-version')).toBe(String(dataVersion));
      const current = await call('analyst', { handler: summary.GET as Handler, path: '/api/summary' });
      expect(current.headers.get('data-version')).toBe(String(dataVersion));
      expect(current.headers.get('etag')).toMatch(new RegExp(`^"v${dataVersion}-`));
      const pinned = await call('analyst', { handler: summary.GET as Handler, path: `/api/summary?asof=${dataVersion}` });
      expect(await pinned.json()).toEqual(await current.json());
      const beyond = await call('analyst', { handler: summary.GET as Handler, path: `/api/summary?asof=${dataVersion + 1}` });
      expect(beyond.status).toBe(400);
      expect(await beyond.json()).toEqual({
        error: { param: 'asof', message: `asof: there is no data version ${dataVersion + 1} (the latest is ${dataVersion})` },
      });
      const zero = await call('analyst', { handler: summary.GET as Handler, path: '/api/summary?asof=0' });
      expect(zero.status).toBe(400);
      expect(((await zero.json()) as { error: { param: string } }).error.param).toBe('asof');
      const missing = await call('analyst', { handler: revisions.GET as Handler, path: '/api/revisions' });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toEqual({
        error: { param: 'asof', message: 'asof: is required: the data version the view is pinned to' },
      });
    });

    describe('an analyst limited to Kazakhstan sees Kazakhstan only', () => {
      const kz = () => getRows().filter((r) => r.country === 'KZ');

      it('KPIs: the KZ rows, and a URL asking for other countries cannot widen it', async () => {
        expect(kz().length).toBeGreaterThan(50);
        const all = await json<SummaryAnswer>('kz-analyst', { handler: summary.GET as Handler, path: '/api/summary' });
        expect(all.count).toBe(kz().length);
        close(all.kgEq, tally(kz()).kgEq);
        const uz = await json<SummaryAnswer>('kz-analyst', { handler: summary.GET as Handler, path: '/api/summary?country=UZ' });
        expect(uz.count).toBe(0);
        const both = await json<SummaryAnswer>('kz-analyst', { handler: summary.GET as Handler, path: '/api/summary?country=KZ,UZ' });
        expect(both.count).toBe(kz().length);
        const unscoped = await json<SummaryAnswer>('analyst', { handler: summary.GET as Handler, path: '/api/summary?country=UZ' });
        expect(unscoped.count).toBe(getRows().filter((r) => r.country === 'UZ').length);
      });

      it('monthly series: every month of the KZ rows and nothing else', async () => {
        const answer = await json<{ rows: [string, string, number, number, number][] }>('kz-analyst', {
          handler: timeseries.GET as Handler,
          path: '/api/timeseries',
        });
        const byMonth = new Map<string, number>();
        for (const [period, , count] of answer.rows) byMonth.set(period.slice(0, 7), (byMonth.get(period.slice(0, 7)) ?? 0) + count);
        const want = new Map<string, number>();
        for (const r of kz()) want.set(r.seizedOn.slice(0, 7), (want.get(r.seizedOn.slice(0, 7)) ?? 0) + 1);
        expect(Object.fromEntries(byMonth)).toEqual(Object.fromEntries(want));
      });

      it('BLO list: only the KZ posts, each with the KZ rows nearest to it', async () => {
        const answer = await json<{ blos: BloListItem[] }>('kz-analyst', { handler: blos.GET as Handler, path: '/api/blos' });
        expect(answer.blos.map((b) => b.code).sort()).toEqual([...KZ_POSTS].sort());
        for (const b of answer.blos) expect(b.totals.count, b.code).toBe(kz().filter((r) => r.nearestBlo === b.code).length);
      });

      it('BLO panel: a post elsewhere is not found; a KZ post counts KZ rows in its catchment and hides a partner elsewhere', async () => {
        for (const code of ['oybek', 'dostuk', 'farap']) {
          const response = await call('kz-analyst', { handler: blo.GET as Handler, path: `/api/blos/${code}`, params: { code } });
          expect(response.status, code).toBe(404);
        }
        const detail = await json<BloDetailAnswer>('kz-analyst', {
          handler: blo.GET as Handler,
          path: '/api/blos/kordai?r=60',
          params: { code: 'kordai' },
        });
        const distances = kz().map((r) => turf.distance(detail.blo.lngLat, r.lngLat, { units: 'kilometers' }));
        expect(detail.catchment.count).toBeGreaterThanOrEqual(distances.filter((d) => d <= 60 * 0.995).length);
        expect(detail.catchment.count).toBeLessThanOrEqual(distances.filter((d) => d <= 60 * 1.005).length);
        const everyone = await json<BloDetailAnswer>('analyst', {
          handler: blo.GET as Handler,
          path: '/api/blos/kordai?r=60',
          params: { code: 'kordai' },
        });
        expect(everyone.catchment.count).toBeGreaterThan(detail.catchment.count!);
        const recent = await json<CatchmentSeizuresAnswer>('kz-analyst', {
          handler: bloSeizures.GET as Handler,
          path: '/api/blos/kordai/seizures?r=60',
          params: { code: 'kordai' },
        });
        expect(recent.seizures.length).toBeGreaterThan(0);
        for (const s of recent.seizures) expect(kz().some((r) => r.lngLat[0] === s.lngLat[0] && r.lngLat[1] === s.lngLat[1])).toBe(true);
        // Its partner across the border is in Kyrgyzstan: not named.
        expect(everyone.paired?.code).toBeDefined();
        expect(detail.paired).toBeNull();
      });

      it('hexagons: the cells of the KZ rows with their counts', async () => {
        const answer = await json<HotspotsAnswer>('kz-analyst', { handler: hotspots.GET as Handler, path: '/api/hotspots?z=5' });
        const res = resolutionForZoom(5);
        const want = new Map<string, number>();
        for (const r of kz()) {
          const cell = cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), res);
          want.set(cell, (want.get(cell) ?? 0) + 1);
        }
        expect(Object.fromEntries(answer.cells.map((c) => [c.cell, c.count]))).toEqual(Object.fromEntries(want));
        expect(answer.total.count).toBe(kz().length);
      });

      it('emerging hot spots: the grid of the KZ rows only', async () => {
        const answer = await json<EmergingAnswer>('kz-analyst', { handler: emerging.GET as Handler, path: '/api/emerging?step=quarter' });
        const want = new Set(kz().map((r) => cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), 5)));
        expect(answer.gridCells).toBe(want.size);
        expect(new Set(answer.cells.map((c) => c.cell))).toEqual(want);
        // Posts near its hot spots are its own posts only.
        const kzPosts = new Set(blosFile.filter((b) => b.country === 'KZ').map((b) => b.code));
        expect(answer.posts.every((p) => kzPosts.has(p.code))).toBe(true);
      });

      it('reporting grid and pairs: the KZ posts only; a pair across to KG keeps its KG side empty', async () => {
        const kzPosts = blosFile.filter((b) => b.country === 'KZ').map((b) => b.code);
        const grid = await json<ReportingAnswer>('kz-analyst', { handler: reporting.GET as Handler, path: '/api/reporting' });
        expect(grid.posts.map((p) => p.code).sort()).toEqual([...kzPosts].sort());
        const answer = await json<PairsAnswer>('kz-analyst', { handler: pairs.GET as Handler, path: '/api/pairs' });
        const sides = answer.pairs.flatMap((p) => [p.a, p.b]);
        expect(sides.filter((s) => s !== null).every((s) => kzPosts.includes(s!.code))).toBe(true);
        // Kordai (KZ) faces Ak-Zhol (KG): listed, with the KG side withheld.
        expect(answer.pairs.find((p) => p.a?.code === 'kordai' || p.b?.code === 'kordai')).toMatchObject({ a: null });
      });

      it('routes: the flows of the KZ rows; by post, only KZ posts', async () => {
        const byCountry = await json<{ flows: RouteFlow[] }>('kz-analyst', {
          handler: routes.GET as Handler,
          path: '/api/routes?by=country',
        });
        const withFlow = kz().filter((r) => r.originCountry && r.destinationCountry);
        expect(byCountry.flows.reduce((t, f) => t + f.count!, 0)).toBe(withFlow.length);
        const byPost = await json<{ flows: RouteFlow[] }>('kz-analyst', { handler: routes.GET as Handler, path: '/api/routes?by=blo' });
        expect(byPost.flows.length).toBeGreaterThan(0);
        for (const f of byPost.flows) expect(KZ_POSTS).toContain(f.destination);
      });

      it('single seizures and the exported file: KZ rows only, all of them', async () => {
        const page = await json<{ total: number; seizures: { country: string }[] }>('kz-analyst', {
          handler: seizures.GET as Handler,
          path: '/api/seizures?limit=5000',
        });
        expect(page.total).toBe(kz().length);
        expect(new Set(page.seizures.map((s) => s.country))).toEqual(new Set(['KZ']));
        const response = await call('kz-analyst', {
          handler: exportFile.GET as Handler,
          path: '/api/export/seizures.csv',
          params: { file: 'seizures.csv' },
        });
        const records = parse(await response.text(), { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
        expect(records.length).toBe(kz().length);
        expect(new Set(records.map((r) => r.country))).toEqual(new Set(['KZ']));
        const posts = await call('kz-analyst', {
          handler: exportFile.GET as Handler,
          path: '/api/export/blos.geojson',
          params: { file: 'blos.geojson' },
        });
        const features = (await posts.json()) as { features: { properties: { code: string } }[] };
        expect(features.features.map((f) => f.properties.code).sort()).toEqual([...KZ_POSTS].sort());
      });

      it('a vector tile over the whole region: the KZ rows, counted in its features', async () => {
        const tile = async (who: Who) => {
          const response = await call(who, { handler: tiles.GET as Handler, path: '/api/tiles/2/2/1', params: { z: '2', x: '2', y: '1' } });
          expect(response.status).toBe(200);
          const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers[TILE_LAYER];
          let count = 0;
          for (let i = 0; i < (layer?.length ?? 0); i++) count += Number(layer!.feature(i).properties.count);
          return count;
        };
        expect(await tile('kz-analyst')).toBe(kz().length);
        expect(await tile('analyst')).toBe(getRows().length);
      });
    });

    describe('a viewer through the routes: aggregates only', () => {
      const AGGREGATES = { level: 'aggregates', minCount: 3, maxResolution: 5 } as const;
      const asViewer = (query: string) => ({
        ...parseFilters(new URLSearchParams(query)),
        scope: 'all' as const,
        detail: AGGREGATES,
      });
      /** Every object in an answer with a null count says it was withheld. */
      const nullsMarked = (value: unknown): boolean =>
        Array.isArray(value)
          ? value.every(nullsMarked)
          : value !== null && typeof value === 'object'
            ? ('count' in value && value.count === null ? 'suppressed' in value && value.suppressed === true : true) &&
              Object.values(value).every(nullsMarked)
            : true;

      it('answers what the data layer withholds for a viewer, marked, with no small figure', async () => {
        const query = 'from=2024-03-05&to=2024-03-25';
        const { db } = getDatabase();
        const kpis = await json<SummaryAnswer>('viewer', { handler: summary.GET as Handler, path: `/api/summary?${query}` });
        expect(kpis).toEqual(JSON.parse(JSON.stringify(await getSummary(db, asViewer(query)))));
        expect(kpis.bySubstance.some((s) => s.count === null)).toBe(true);
        const list = await json<{ blos: BloListItem[] }>('viewer', { handler: blos.GET as Handler, path: `/api/blos?${query}` });
        expect(list.blos).toEqual(JSON.parse(JSON.stringify(await listBlos(db, asViewer(query)))));
        expect(list.blos.some((b) => b.totals.count === null)).toBe(true);
        const cells = await json<HotspotsAnswer>('viewer', { handler: hotspots.GET as Handler, path: `/api/hotspots?z=9&${query}` });
        expect(cells.resolution).toBe(5);
        const series = await json<SeriesAnswer>('viewer', { handler: timeseries.GET as Handler, path: `/api/timeseries?${query}` });
        expect(series.rows.some((r) => r[2] === null)).toBe(true);
        for (const answer of [kpis, list, cells]) expect(nullsMarked(answer)).toBe(true);
        for (const r of series.rows) expect(r[2] === null || r[2] >= 3).toBe(true);
        // The analyst asking the same gets every figure.
        const exact = await json<SummaryAnswer>('analyst', { handler: summary.GET as Handler, path: `/api/summary?${query}` });
        expect(exact.bySubstance.every((s) => s.count !== null && s.count > 0)).toBe(true);
      });

      it('the per-post export writes "withheld" where the list withholds, and names who exported it', async () => {
        const query = 'from=2024-03-05&to=2024-03-25';
        const response = await call('viewer', {
          handler: exportFile.GET as Handler,
          path: `/api/export/blos.csv?${query}`,
          params: { file: 'blos.csv' },
        });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).toMatch(/^# exported by: viewer@example\.org \(audit entry \d+\)$/m);
        expect(text).toContain('# withheld: figures built from fewer than 3 seizures are withheld');
        const records = parse(text, { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
        const listed = await listBlos(getDatabase().db, asViewer(query));
        expect(records.map((r) => r.seizures)).toEqual(listed.map((b) => (b.totals.count === null ? 'withheld' : String(b.totals.count))));
        expect(records.some((r) => r.seizures === 'withheld')).toBe(true);
        for (const r of records) expect(r.seizures === 'withheld' || Number(r.seizures) === 0 || Number(r.seizures) >= 3).toBe(true);
      });
    });

    it('an export links to the address the request came by, in its language; excel=1 is the spreadsheet CSV, a 400 on GeoJSON', async () => {
      const exported = (file: string, query: string) =>
        call('analyst', {
          handler: exportFile.GET as Handler,
          path: `/api/export/${file}?${query}`,
          params: { file },
          headers: { host: 'atlas.internal:8080' },
        });
      const excel = await exported('blos.csv', 'substance=opium&lang=ru&excel=1');
      expect(excel.status).toBe(200);
      expect(excel.headers.get('content-disposition')).toMatch(/filename="blo-atlas-blos-\d{4}-\d{2}-\d{2}-excel\.csv"/);
      const bytes = new Uint8Array(await excel.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.subarray(3));
      expect(text).toMatch(/^# link: http:\/\/atlas\.internal:8080\/\?substance=opium&asof=\d+&lang=ru$/m);
      const records = parse(text, { columns: true, comment: '#', skip_empty_lines: true, delimiter: ';' }) as Record<string, string>[];
      const listed = await listBlos(getDatabase().db, {
        ...parseFilters(new URLSearchParams('substance=opium')),
        scope: 'all' as const,
        detail: { level: 'events' } as const,
      });
      expect(records.map((r) => r.code)).toEqual(listed.map((b) => b.code));
      // Kg-eq to the gram with a decimal comma, whole dollars: within half the last place of the figure listed.
      records.forEach((r, i) => {
        expect(r.kg_eq).toMatch(/^\d+(,\d{1,3})?$/);
        expect(Math.abs(Number(r.kg_eq.replace(',', '.')) - listed[i].totals.kgEq!)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(r.value_usd).toMatch(/^\d+$/);
        expect(Math.abs(Number(r.value_usd) - listed[i].totals.valueUsd!)).toBeLessThanOrEqual(0.5);
      });

      const plain = await (await exported('seizures.csv', 'substance=opium')).text();
      expect(plain.charCodeAt(0)).not.toBe(0xfeff);
      expect(plain).toMatch(/^# link: http:\/\/atlas\.internal:8080\/\?substance=opium&asof=\d+$/m);

      const refused = await exported('blos.geojson', 'excel=1');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { param: string } }).error.param).toBe('excel');
    });

    it('an account limited to no country sees no figure and no post', async () => {
      expect((await json<SummaryAnswer>('nobody', { handler: summary.GET as Handler, path: '/api/summary' })).count).toBe(0);
      expect((await json<{ blos: BloListItem[] }>('nobody', { handler: blos.GET as Handler, path: '/api/blos' })).blos).toEqual([]);
      expect((await json<HotspotsAnswer>('nobody', { handler: hotspots.GET as Handler, path: '/api/hotspots?z=5' })).cells).toEqual([]);
    });

    it('a wrong password is a 401; after the limit, 429 for that account whatever the address, while others still sign in', async () => {
      // A guesser may claim any address: the per-account count does not read it.
      const attempt = (email: string, password: string, ip: string) =>
        signIn(email, password, { 'x-forwarded-for': ip }).then((r) => r.status);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push(await attempt('spare@example.org', 'not the password', `10.0.0.${i}`));
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Even the right password waits out the window now.
      expect(await attempt('spare@example.org', PASSWORD, '10.0.0.9')).toBe(429);
      expect(await attempt('viewer@example.org', PASSWORD, '10.0.0.9')).toBe(200);
    });

    it('keeps sessions in an httpOnly, SameSite=Lax cookie, Secure under https, and the limiter’s state in the database', async () => {
      const plain = await signIn('viewer@example.org');
      const [cookie] = plain.headers.getSetCookie();
      expect(cookie).toMatch(/^better-auth\.session_token=[^;]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
      const { db } = getDatabase();
      const https = createAuth(db, authSettingsOf(parseEnv({ APP_URL: 'https://atlas.example.org' }), 's'.repeat(40)));
      const signedIn = await https.api.signInEmail({ body: { email: 'viewer@example.org', password: PASSWORD }, returnHeaders: true });
      expect(signedIn.headers.getSetCookie()[0]).toMatch(/^__Secure-better-auth\.session_token=[^;]+;.*; HttpOnly; Secure; SameSite=Lax$/);
      const limiter = rowsOf<{ key: string; count: number }>(await db.execute(sql`SELECT key, count FROM rate_limits`));
      expect(limiter.some((r) => r.key.endsWith('/sign-in/email') && Number(r.count) > 0)).toBe(true);
    });

    it('stores Argon2id hashes at OWASP parameters, never the default scrypt ones', async () => {
      const stored = rowsOf<{ password: string }>(
        await getDatabase().db.execute(sql`SELECT password FROM accounts WHERE password IS NOT NULL`),
      );
      expect(stored.length).toBeGreaterThanOrEqual(7);
      for (const { password } of stored) expect(password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('revokes: ending an account’s sessions signs it out at once', async () => {
      const auth = await getAuth();
      const { db } = getDatabase();
      const id = await createAccount(db, auth, {
        email: 'brief@example.org',
        name: 'Brief',
        password: PASSWORD,
        role: 'viewer',
        scope: 'all',
      });
      const briefed = await signIn('brief@example.org');
      cookies.set('signed-out', briefed.headers.getSetCookie()[0].split(';')[0]);
      expect((await call('signed-out', { handler: summary.GET as Handler, path: '/api/summary' })).status).toBe(200);
      const change = await call('admin', {
        handler: user.PATCH as Handler,
        path: `/api/admin/users/${id}`,
        params: { id },
        method: 'PATCH',
        contentType: 'application/json',
        body: '{"disabled":true}',
      });
      expect(change.status).toBe(200);
      expect((await call('signed-out', { handler: summary.GET as Handler, path: '/api/summary' })).status).toBe(401);
      cookies.delete('signed-out');
    });

    it('sign-out everywhere ends the account’s sessions in every browser', async () => {
      const { db } = getDatabase();
      await createAccount(db, await getAuth(), {
        email: 'roaming@example.org',
        name: 'Roaming',
        password: PASSWORD,
        role: 'viewer',
        scope: 'all',
      });
      const browsers: string[] = [];
      for (let i = 0; i < 2; i++) {
        const signedIn = await signIn('roaming@example.org');
        browsers.push(signedIn.headers.getSetCookie()[0].split(';')[0]);
      }
      const asBrowser = async (cookie: string, c: Parameters<typeof call>[1]) => {
        cookies.set('signed-out', cookie);
        try {
          return await call('signed-out', c);
        } finally {
          cookies.delete('signed-out');
        }
      };
      const summaryOf = (cookie: string) =>
        asBrowser(cookie, { handler: summary.GET as Handler, path: '/api/summary' }).then((r) => r.status);
      expect([await summaryOf(browsers[0]), await summaryOf(browsers[1])]).toEqual([200, 200]);
      const revoked = await asBrowser(browsers[0], {
        handler: authRoute.POST as Handler,
        path: '/api/auth/revoke-sessions',
        method: 'POST',
        contentType: 'application/json',
        body: '{}',
      });
      expect(revoked.status).toBe(200);
      expect([await summaryOf(browsers[0]), await summaryOf(browsers[1])]).toEqual([401, 401]);
      // The other endpoints of the sign-in service are closed.
      const closed = await asBrowser(browsers[0], { handler: authRoute.GET as Handler, path: '/api/auth/admin/list-users' });
      expect(closed.status).toBe(404);
    });

    describe('audit log', () => {
      interface Row {
        action: string;
        account_id: string | null;
        email: string | null;
        role: string | null;
        target: string;
        params: Record<string, unknown>;
        status: number;
        rows: number | null;
        address: string | null;
        user_agent: string | null;
      }
      /** The audit rows `act` leaves (written by the batching writer, flushed here). */
      const auditOf = async (act: () => Promise<unknown>): Promise<Row[]> => {
        await flushAudit();
        const { db } = getDatabase();
        const [{ last }] = rowsOf<{ last: number | null }>(await db.execute(sql`SELECT max(id) AS last FROM audit_log`));
        await act();
        await flushAudit();
        const rows = rowsOf<Row>(
          await db.execute(sql`SELECT action, account_id, email, role, target, params, status, rows, address, user_agent
                                 FROM audit_log WHERE id > ${Number(last ?? 0)} ORDER BY id`),
        );
        return rows.map((r) => ({ ...r, status: Number(r.status), rows: r.rows === null ? null : Number(r.rows) }));
      };
      const from = { 'x-forwarded-for': '192.0.2.7', 'user-agent': 'briefing-test' };

      it('refuses UPDATE, DELETE and TRUNCATE, even on the app’s own connection', async () => {
        await auditOf(() => signIn('viewer@example.org', PASSWORD, from));
        const { db } = getDatabase();
        const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM audit_log`));
        expect(Number(n)).toBeGreaterThan(0);
        await expect(db.execute(sql`UPDATE audit_log SET role = 'admin'`)).rejects.toThrow();
        await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
        await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
        const [{ after }] = rowsOf<{ after: number }>(await db.execute(sql`SELECT count(*)::int AS after FROM audit_log`));
        expect(Number(after)).toBe(Number(n));
      });

      it('a sign-in, and a failed one with the email tried, each leave one row', async () => {
        const ok = await auditOf(() => signIn('viewer@example.org', PASSWORD, from));
        expect(ok).toEqual([
          expect.objectContaining({
            action: 'sign-in',
            account_id: ids.get('viewer'),
            email: 'viewer@example.org',
            role: 'viewer',
            status: 200,
          }),
        ]);
        expect(ok[0]).toMatchObject({ address: '192.0.2.7', user_agent: 'briefing-test', target: 'viewer@example.org' });
        const failed = await auditOf(() => signIn('nobody-here@example.org', 'a wrong password', from));
        expect(failed).toEqual([
          expect.objectContaining({
            action: 'sign-in-failed',
            account_id: null,
            email: 'nobody-here@example.org',
            status: 401,
            address: '192.0.2.7',
          }),
        ]);
      });

      it('sign-out and sign-out everywhere each leave one row for the account', async () => {
        const { db } = getDatabase();
        const leaver = await createAccount(db, await getAuth(), {
          email: 'leaver@example.org',
          name: 'Leaver',
          password: PASSWORD,
          role: 'analyst',
          scope: 'all',
        });
        const cookie = (await signIn('leaver@example.org')).headers.getSetCookie()[0].split(';')[0];
        for (const [endpoint, action] of [
          ['/api/auth/sign-out', 'sign-out'],
          ['/api/auth/revoke-sessions', 'sessions-revoked'],
        ] as const) {
          const session = endpoint.endsWith('sign-out')
            ? cookie
            : (await signIn('leaver@example.org')).headers.getSetCookie()[0].split(';')[0];
          cookies.set('signed-out', session);
          const rows = await auditOf(() =>
            call('signed-out', {
              handler: authRoute.POST as Handler,
              path: endpoint,
              method: 'POST',
              contentType: 'application/json',
              body: '{}',
              headers: from,
            }),
          );
          cookies.delete('signed-out');
          expect(rows).toEqual([
            expect.objectContaining({ action, account_id: leaver, email: 'leaver@example.org', role: 'analyst', status: 200 }),
          ]);
        }
      });

      it('creating and changing an account each leave one row, never with the password', async () => {
        const created = await auditOf(() =>
          call('admin', {
            handler: users.POST as Handler,
            path: '/api/admin/users',
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify({ email: 'audited@example.org', password: PASSWORD, role: 'viewer', countries: 'TJ' }),
            headers: from,
          }),
        );
        expect(created).toEqual([
          expect.objectContaining({
            action: 'account-created',
            email: 'admin@example.org',
            role: 'admin',
            target: 'audited@example.org',
            status: 201,
          }),
        ]);
        expect(created[0].params).toEqual({ name: 'audited', role: 'viewer', countries: ['TJ'] });
        const id = rowsOf<{ id: string }>(await getDatabase().db.execute(sql`SELECT id FROM users WHERE email = 'audited@example.org'`))[0]
          .id;
        const change = (body: object) =>
          auditOf(() =>
            call('admin', {
              handler: user.PATCH as Handler,
              path: `/api/admin/users/${id}`,
              params: { id },
              method: 'PATCH',
              contentType: 'application/json',
              body: JSON.stringify(body),
            }),
          );
        const changed = await change({ role: 'analyst', countries: 'TJ,UZ', password: 'another long passphrase' });
        expect(changed).toEqual([expect.objectContaining({ action: 'account-changed', target: 'audited@example.org', status: 200 })]);
        expect(changed[0].params).toEqual({
          role: 'analyst',
          countries: ['TJ', 'UZ'],
          password: 'reset',
          before: { role: 'viewer', countries: ['TJ'], disabled: false },
        });
        expect(JSON.stringify(changed)).not.toContain('another long passphrase');
        const disabled = await change({ disabled: true });
        expect(disabled).toEqual([expect.objectContaining({ action: 'account-changed', target: 'audited@example.org', status: 200 })]);
        expect(disabled[0].params).toMatchObject({ disabled: true, before: { disabled: false } });
      });

      it('an import and a dry run each leave one row with the file and its counts', async () => {
        for (const dry of [true, false]) {
          const rows = await auditOf(async () => {
            const response = await call('editor', {
              handler: imports.POST as Handler,
              path: `/api/imports?name=audited.csv${dry ? '&dry=1' : ''}`,
              method: 'POST',
              contentType: 'text/csv',
              body: 'date,substance,quantity,unit,blo\n2024-05-01,chalk,2,kg,oybek\n2024-05-02,heroin,0,kg,oybek\n',
            });
            await response.text();
          });
          expect(rows).toEqual([
            expect.objectContaining({
              action: dry ? 'import-dry-run' : 'import',
              email: 'editor@example.org',
              target: 'audited.csv',
              rows: 0,
              status: 200,
            }),
          ]);
          expect(rows[0].params).toMatchObject({ rows: 2, accepted: 0, rejected: 2, duplicates: 0 });
          expect(rows[0].params.batch === null).toBe(dry);
        }
      });

      it('an export leaves one row with its file, filters and the rows written', async () => {
        const rows = await auditOf(async () => {
          const response = await call('analyst', {
            handler: exportFile.GET as Handler,
            path: '/api/export/seizures.csv?country=TJ&substance=heroin',
            params: { file: 'seizures.csv' },
          });
          await response.text();
        });
        const want = getRows().filter((r) => r.country === 'TJ' && r.substance === 'heroin').length;
        expect(want).toBeGreaterThan(0);
        expect(rows).toEqual([
          expect.objectContaining({ action: 'export', email: 'analyst@example.org', target: '/api/export/seizures.csv', rows: want }),
        ]);
        expect(rows[0].params).toEqual({
          file: 'seizures.csv',
          complete: true,
          country: 'TJ',
          substance: 'heroin',
          asof: expect.stringMatching(/^\d+$/),
        });
      });

      it('an export names its account and audit entry in the file, and that entry is its row', async () => {
        let header = '';
        const rows = await auditOf(async () => {
          const response = await call('analyst', {
            handler: exportFile.GET as Handler,
            path: '/api/export/blos.geojson?substance=opium',
            params: { file: 'blos.geojson' },
          });
          header = JSON.stringify(((await response.json()) as { metadata: unknown }).metadata);
        });
        const metadata = JSON.parse(header) as { exportedBy: string; auditId: number };
        expect(metadata.exportedBy).toBe('analyst@example.org');
        const [{ id }] = rowsOf<{ id: number }>(
          await getDatabase().db.execute(sql`SELECT id FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1`),
        );
        expect(Number(id)).toBe(metadata.auditId);
        expect(rows).toEqual([expect.objectContaining({ action: 'export', target: '/api/export/blos.geojson', rows: 24 })]);
      });

      it('a map picture is recorded before it is drawn: one row, its id and account in the answer; a bad view is a 400', async () => {
        const post = (view: string) =>
          call('viewer', {
            handler: picture.POST as Handler,
            path: '/api/export/picture',
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify({ view }),
          });
        let answer: { auditId: number; account: string; at: string } | null = null;
        const rows = await auditOf(async () => {
          const response = await post('?substance=heroin&from=2024-01-01&l=hexagons');
          expect(response.status).toBe(200);
          answer = (await response.json()) as { auditId: number; account: string; at: string };
        });
        expect(answer).toMatchObject({ account: 'viewer@example.org', auditId: expect.any(Number) });
        expect(rows).toEqual([
          expect.objectContaining({
            action: 'export',
            email: 'viewer@example.org',
            target: '/api/export/picture',
            params: { file: 'map.png', substance: 'heroin', from: '2024-01-01', l: 'hexagons' },
          }),
        ]);
        const [{ id }] = rowsOf<{ id: number }>(
          await getDatabase().db.execute(sql`SELECT max(id) AS id FROM audit_log WHERE target = '/api/export/picture'`),
        );
        expect(Number(id)).toBe(answer!.auditId);
        const bad = await post('?substance=chalk');
        expect(bad.status).toBe(400);
        expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('view');
      });

      it("a post's recent seizures and a vector tile each leave one row for single seizures", async () => {
        const rows = await auditOf(async () => {
          const recent = await call('analyst', {
            handler: bloSeizures.GET as Handler,
            path: '/api/blos/oybek/seizures?r=30',
            params: { code: 'oybek' },
          });
          expect(recent.status).toBe(200);
          const tile = await call('analyst', {
            handler: tiles.GET as Handler,
            path: '/api/tiles/6/44/23',
            params: { z: '6', x: '44', y: '23' },
          });
          expect(tile.status).toBe(200);
        });
        expect(rows).toEqual([
          expect.objectContaining({ action: 'events', target: '/api/blos/oybek/seizures', rows: 10, params: { r: '30' } }),
          expect.objectContaining({ action: 'events', target: '/api/tiles/6/44/23' }),
        ]);
      });

      it('answers a repeated request from the cache, apart for each access, and audits every serving of single seizures', async () => {
        const tile = { handler: tiles.GET as Handler, path: '/api/tiles/6/45/23?substance=heroin', params: { z: '6', x: '45', y: '23' } };
        const kinds: string[] = [];
        const bodies: string[] = [];
        const rows = await auditOf(async () => {
          for (const headers of [{}, {}, { 'cache-control': 'no-cache' }] as Record<string, string>[]) {
            const response = await call('analyst', { ...tile, headers });
            expect(response.status).toBe(200);
            kinds.push(response.headers.get('x-cache')!);
            bodies.push(Buffer.from(await response.arrayBuffer()).toString('base64'));
          }
        });
        // The first asks the database, the second is the kept answer, a hard reload asks again.
        expect(kinds).toEqual(['miss', 'hit', 'miss']);
        expect(new Set(bodies).size).toBe(1);
        expect(rows.map((r) => [r.action, r.email, r.target])).toEqual(
          Array(3).fill(['events', 'analyst@example.org', '/api/tiles/6/45/23']),
        );

        // One URL, three kinds of access: each its own answer, each kept apart.
        const path = '/api/summary?from=2024-01-01&to=2024-12-31&substance=heroin,opium';
        const summaryOf = async (who: Who) => {
          const response = await call(who, { handler: summary.GET as Handler, path });
          return { cache: response.headers.get('x-cache'), count: ((await response.json()) as { count: number | null }).count };
        };
        const oracle = (countries: string[] | null) =>
          getRows().filter(
            (r) =>
              ['heroin', 'opium'].includes(r.substance) &&
              r.seizedOn >= '2024-01-01' &&
              r.seizedOn <= '2024-12-31' &&
              (countries === null || countries.includes(r.country)),
          ).length;
        const first = { all: await summaryOf('analyst'), kz: await summaryOf('kz-analyst'), none: await summaryOf('nobody') };
        const again = { all: await summaryOf('analyst'), kz: await summaryOf('kz-analyst'), none: await summaryOf('nobody') };
        expect(first.all.count).toBe(oracle(null));
        expect(first.kz.count).toBe(oracle(['KZ']));
        expect(first.none.count).toBe(0);
        expect(again).toEqual({
          all: { cache: 'hit', count: first.all.count },
          kz: { cache: 'hit', count: first.kz.count },
          none: { cache: 'hit', count: 0 },
        });
      });

      it('the CSV download holds the filtered rows newest first, each export with its view, and is audited itself', async () => {
        await flushAudit();
        const response = await call('admin', { handler: auditCsv.GET as Handler, path: '/api/audit/csv?action=export' });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="blo-atlas-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
        const records = parse(await response.text(), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
        const { db } = getDatabase();
        const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'`));
        expect(records.length).toBe(Number(n));
        const ids = records.map((r) => Number(r.id));
        expect(ids).toEqual([...ids].sort((a, b) => b - a));
        const picture = records.find((r) => r.target === '/api/export/picture')!;
        const view = new URL(picture.view);
        expect(view.origin + view.pathname).toBe(`${ORIGIN}/`);
        expect(Object.fromEntries(view.searchParams)).toEqual({ substance: 'heroin', from: '2024-01-01', l: 'hexagons' });
        expect(JSON.parse(picture.params)).toMatchObject({ file: 'map.png' });
        await flushAudit();
        const [last] = rowsOf<{ action: string; params: Record<string, unknown>; rows: number }>(
          await db.execute(sql`SELECT action, params, rows FROM audit_log ORDER BY id DESC LIMIT 1`),
        );
        expect(last).toMatchObject({ action: 'export', params: { file: 'audit.csv', action: 'export' }, rows: records.length });
        const bad = await call('admin', { handler: auditCsv.GET as Handler, path: '/api/audit/csv?action=launch' });
        expect(bad.status).toBe(400);
        expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('action');
      });

      it('archiving writes the old rows to a file before deleting exactly them, and records itself; the trigger stays', async () => {
        const database = getDatabase();
        const old = (day: string, email: string) => ({
          at: new Date(`${day}T10:00:00Z`),
          action: 'sign-in' as const,
          accountId: null,
          email,
          role: 'viewer',
          target: '/api/auth/sign-in/email',
          params: {},
          status: 200,
          rows: null,
          address: '192.0.2.1',
          userAgent: 'old',
        });
        await insertAuditEvents(database.db, [
          old('2020-01-02', 'a@example.org'),
          old('2020-06-30', 'b@example.org'),
          old('2020-12-31', 'c@example.org'),
          old('2021-01-01', 'kept@example.org'),
        ]);
        const dir = mkdtempSync(path.join(tmpdir(), 'audit-archive-'));
        const file = path.join(dir, 'archive.csv');
        try {
          const result = await archiveAuditLog(database, { before: '2021-01-01', file, operator: 'cli:test', origin: ORIGIN });
          expect(result.rows).toBe(3);
          const records = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
          expect(records.map((r) => r.email)).toEqual(['c@example.org', 'b@example.org', 'a@example.org']);
          expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(result.sha256);
          const left = rowsOf<{ email: string }>(
            await database.db.execute(sql`SELECT email FROM audit_log WHERE at < '2021-06-01'::date ORDER BY id`),
          );
          expect(left.map((r) => r.email)).toEqual(['kept@example.org']);
          const [logged] = rowsOf<{ action: string; email: string; rows: number; params: Record<string, string> }>(
            await database.db.execute(sql`SELECT action, email, rows, params FROM audit_log WHERE action = 'audit-archived'`),
          );
          expect(logged).toMatchObject({ email: 'cli:test', rows: 3, params: { before: '2021-01-01', sha256: result.sha256 } });
          await expect(database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
          // An archive is never overwritten, and then nothing is deleted.
          await expect(archiveAuditLog(database, { before: '2021-06-01', file, operator: 'cli:test', origin: ORIGIN })).rejects.toThrow(
            /exists already/,
          );
          expect(rowsOf(await database.db.execute(sql`SELECT 1 FROM audit_log WHERE email = 'kept@example.org'`))).toHaveLength(1);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('npm run audit:archive names a bad date, a future one, and archives on a fresh database', async () => {
        const db = await scratch();
        const dir = mkdtempSync(path.join(tmpdir(), 'audit-archive-'));
        const run = (args: string[]) => runCli('db/cli/audit-archive.ts', args, { ...db.env, AUDIT_RETENTION_DAYS: '' });
        try {
          expect((await run([])).out).toMatch(/^audit:archive: --before is required when AUDIT_RETENTION_DAYS is not set/);
          expect((await run(['--before', '2024-02-30'])).out).toMatch(/^audit:archive: --before /);
          expect((await run(['--before', '2999-01-01'])).out).toBe('audit:archive: --before 2999-01-01 is in the future');
          const file = path.join(dir, 'a.csv');
          const done = await run(['--before', '2024-01-01', '--out', file]);
          expect(done).toEqual({
            code: 0,
            out: expect.stringMatching(
              new RegExp(
                `^${PREPARED('audit:archive')}archived 0 audit rows from before 2024-01-01 to .*a\\.csv \\(sha256 [0-9a-f]{64}\\)$`,
              ),
            ),
          });
          expect(readFileSync(file, 'utf8')).toBe('id,at,email,role,action,target,status,rows,address,user_agent,params,view\n');
        } finally {
          rmSync(dir, { recursive: true, force: true });
          await db.dispose();
        }
      });

      it('a request for single seizures leaves one row with the filters and the rows returned', async () => {
        const rows = await auditOf(async () => {
          const response = await call('kz-analyst', { handler: seizures.GET as Handler, path: '/api/seizures?limit=7&substance=hashish' });
          expect(response.status).toBe(200);
        });
        expect(rows).toEqual([
          expect.objectContaining({
            action: 'events',
            email: 'kz-analyst@example.org',
            target: '/api/seizures',
            rows: 7,
            params: { limit: '7', substance: 'hashish' },
          }),
        ]);
      });

      it('the admin reads it newest first, filtered, a page at a time; bad keys are a 400', async () => {
        await flushAudit();
        type Page = { events: { id: number; at: string; action: string; email: string | null; target: string }[]; next: number | null };
        const read = (query: string) => json<Page>('admin', { handler: audit.GET as Handler, path: `/api/audit?${query}` });
        const signIns = await read('action=sign-in&actor=VIEWER@example.org');
        expect(signIns.events.length).toBeGreaterThanOrEqual(2);
        for (const e of signIns.events) expect(e).toMatchObject({ action: 'sign-in', email: 'viewer@example.org' });
        const ids = signIns.events.map((e) => e.id);
        expect(ids).toEqual([...ids].sort((a, b) => b - a));
        // Keyset pages: no overlap, no gap.
        const all = await read('limit=500');
        const first = await read('limit=3');
        const second = await read(`limit=3&before=${first.next}`);
        expect([...first.events, ...second.events].map((e) => e.id)).toEqual(all.events.slice(0, 6).map((e) => e.id));
        const found = await read('q=audited.csv');
        expect(found.events.length).toBeGreaterThanOrEqual(2);
        for (const e of found.events) expect(e.target).toBe('audited.csv');
        const today = new Date().toISOString().slice(0, 10);
        expect((await read(`from=${today}&to=${today}&limit=500`)).events.length).toBe(
          all.events.filter((e) => e.at.startsWith(today)).length,
        );
        expect((await read('from=2000-01-01&to=2000-12-31')).events).toEqual([]);
        for (const [query, param] of [
          ['action=delete-everything', 'action'],
          ['from=yesterday', 'from'],
          ['before=-1', 'before'],
          ['limit=100000', 'limit'],
          ['substance=heroin', 'substance'],
          ['q=%27%20OR%201%3D1--', null],
        ] as const) {
          const response = await call('admin', { handler: audit.GET as Handler, path: `/api/audit?${query}` });
          if (param === null) expect(response.status, query).toBe(200);
          else {
            expect(response.status, query).toBe(400);
            expect(((await response.json()) as { error: { param: string } }).error.param).toBe(param);
          }
        }
      });

      it('a 401 and a 403 each leave one row', async () => {
        const unsigned = await auditOf(() =>
          call('signed-out', { handler: summary.GET as Handler, path: '/api/summary?from=2024-01-01', headers: from }),
        );
        expect(unsigned).toEqual([
          expect.objectContaining({ action: 'denied', account_id: null, status: 401, target: '/api/summary', address: '192.0.2.7' }),
        ]);
        const forbidden = await auditOf(() =>
          call('viewer', { handler: exportFile.GET as Handler, path: '/api/export/seizures.csv', params: { file: 'seizures.csv' } }),
        );
        expect(forbidden).toEqual([
          expect.objectContaining({
            action: 'denied',
            email: 'viewer@example.org',
            role: 'viewer',
            status: 403,
            target: '/api/export/seizures.csv',
          }),
        ]);
        expect(forbidden[0].params).toMatchObject({ permission: 'events' });
      });
    });

    it('npm run user:add creates an account while the app is stopped, and names a mistake', async () => {
      const db = await scratch();
      const run = (args: string[], password: string) => runCli('db/cli/user-add.ts', args, { ...db.env, USER_PASSWORD: password });
      try {
        const made = await run(['--email', 'Scoped@Example.org', '--role', 'analyst', '--countries', 'kz,uz'], PASSWORD);
        expect(made).toEqual({
          code: 0,
          out: expect.stringMatching(
            new RegExp(`^${PREPARED('user:add')}created analyst scoped@example\\.org \\(KZ, UZ\\) in the (pglite|postgres) database$`),
          ),
        });
        expect(await run(['--email', 'scoped@example.org', '--role', 'analyst'], PASSWORD)).toEqual({
          code: 1,
          out: 'user:add: an account with email scoped@example.org exists already',
        });
        expect((await run(['--email', 'x@example.org', '--role', 'analyst'], 'short')).out).toBe(
          'user:add: the password must have at least 12 characters',
        );
        expect((await run(['--email', 'x@example.org', '--role', 'chief'], PASSWORD)).out).toBe(
          'user:add: --role must be one of viewer, analyst, editor, admin',
        );
        const opened = await db.open();
        try {
          const rows = rowsOf<{ email: string; role: string; countries: string[]; all: boolean; password: string }>(
            await opened.db.execute(sql`
              SELECT u.email, u.role, u.countries, u.all_countries AS "all", a.password
                FROM users u JOIN accounts a ON a.user_id = u.id`),
          );
          expect(rows).toEqual([
            {
              email: 'scoped@example.org',
              role: 'analyst',
              countries: ['KZ', 'UZ'],
              all: false,
              password: expect.stringMatching(/^\$argon2id\$/),
            },
          ]);
        } finally {
          await opened.close();
        }
      } finally {
        await db.dispose();
      }
    });

    it('first run: a one-time link while no account exists, used once', async () => {
      const db = await scratch();
      const opened = await db.open();
      try {
        const { issueFirstRunToken, isFirstRunTokenValid, consumeFirstRunToken } = await import('@/db/queries/accounts');
        const first = (await issueFirstRunToken(opened.db, 24))!;
        const second = (await issueFirstRunToken(opened.db, 24))!;
        expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
        // A new start withdraws the last link.
        expect(await isFirstRunTokenValid(opened.db, first)).toBe(false);
        expect(await isFirstRunTokenValid(opened.db, second)).toBe(true);
        let created = 0;
        const create = async () => {
          created += 1;
          await opened.db.execute(sql`INSERT INTO users (id, name, email) VALUES ('u1', 'Admin', 'admin@example.org')`);
        };
        const raced = await Promise.all([consumeFirstRunToken(opened.db, second, create), consumeFirstRunToken(opened.db, second, create)]);
        expect(raced.sort()).toEqual([false, true]);
        expect(created).toBe(1);
        expect(await isFirstRunTokenValid(opened.db, second)).toBe(false);
        expect(await issueFirstRunToken(opened.db, 24)).toBeNull();
      } finally {
        await opened.close();
        await db.dispose();
      }
    });

    it('the first-run route refuses a token that is not one, and a cross-site request', async () => {
      const body = JSON.stringify({ token: 'x'.repeat(43), email: 'a@example.org', name: 'A', password: PASSWORD });
      const bogus = await call('signed-out', {
        handler: setup.POST as Handler,
        path: '/api/setup',
        method: 'POST',
        contentType: 'application/json',
        body,
      });
      expect(bogus.status).toBe(403);
      const forged = await setup.POST(
        new Request(`${ORIGIN}/api/setup`, {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', origin: 'http://evil.example', 'content-type': 'application/json' },
          body,
        }),
        { params: Promise.resolve({}) },
      );
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/only this site may write/);
    });
  });
}
