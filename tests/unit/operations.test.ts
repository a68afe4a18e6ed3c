import { describe, expect, it } from 'vitest';
import { DatabaseTimeout, isDatabaseUnavailable } from '@/db/unavailable';
import { routeLabel } from '@/lib/http/route-label';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('database outages', () => {
  it('tells an outage (stopped, unreachable, restarting, out of connections, too slow) from a fault in a query', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'CONNECT_TIMEOUT',
      'CONNECTION_CLOSED',
      '57P01',
      '57P03',
      '08006',
      '53300',
      '57014',
    ]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
    }
    for (const code of ['42P01', '22P02', '23505', 'XX000', 'ENOENT']) expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('column "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(new DatabaseTimeout('late'))).toBe(true);
  });

  it('looks through the errors drizzle and Node wrap around the driver’s', () => {
    const wrapped = new Error('Failed query: select 1', { cause: coded('ECONNREFUSED') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: new Error('middle', { cause: coded('57P01') }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: coded('42703') }))).toBe(false);
  });
});

describe('route labels', () => {
  it('labels a request with its route pattern, so a metric has one series per route', () => {
    expect(routeLabel('/api/summary')).toBe('/api/summary');
    expect(routeLabel('/api/tiles/8/357/190')).toBe('/api/tiles/{z}/{x}/{y}');
    expect(routeLabel('/api/blos/oybek')).toBe('/api/blos/{code}');
    expect(routeLabel('/api/blos/oybek/seizures')).toBe('/api/blos/{code}/seizures');
    expect(routeLabel('/api/imports/12/undo')).toBe('/api/imports/{batch}/undo');
    expect(routeLabel('/api/imports/12/rejections')).toBe('/api/imports/{batch}/rejections');
    expect(routeLabel('/api/export/seizures.csv')).toBe('/api/export/{file}');
    expect(routeLabel('/api/export/picture')).toBe('/api/export/picture');
    expect(routeLabel('/api/auth/sign-in/email')).toBe('/api/auth/{action}');
    expect(routeLabel('/api/admin/users/abc')).toBe('/api/admin/users/{id}');
    // Anything else is one label, whatever was typed.
    expect(routeLabel('/api/no/such/thing')).toBe('/api/{unknown}');
    expect(routeLabel('/api/blos/a/b/c')).toBe('/api/{unknown}');
  });
});
