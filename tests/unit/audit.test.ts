import { describe, expect, it } from 'vitest';
import { auditViewPath } from '@/lib/audit/audit-view';
import { auditCsvRow, safeCell } from '@/lib/audit/audit-csv';
import { parseAuditQuery } from '@/lib/audit/audit-query';
import type { AuditEntry } from '@/lib/audit/audit-event';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 7,
  at: '2026-12-02T09:15:00.000Z',
  action: 'export',
  accountId: 'u1',
  email: 'analyst@example.org',
  role: 'analyst',
  target: '/api/export/seizures.csv',
  params: {},
  status: 200,
  rows: 12,
  address: '192.0.2.7',
  userAgent: 'test',
  ...patch,
});

describe('audit rows', () => {
  it('links an export or a single-seizure request back to its dashboard view, keys in the dashboard order', () => {
    expect(
      auditViewPath(entry({ params: { file: 'seizures.csv', complete: true, to: '2024-12-31', substance: 'heroin', limit: '5' } })),
    ).toBe('/?substance=heroin&to=2024-12-31');
    expect(auditViewPath(entry({ action: 'events', target: '/api/blos/oybek/seizures', params: { r: '30' } }))).toBe('/?sel=oybek&r=30');
    expect(auditViewPath(entry({ params: { file: 'map.png', l: 'hexagons', lang: 'ru' } }))).toBe('/?l=hexagons&lang=ru');
    expect(auditViewPath(entry({ action: 'sign-in', params: {} }))).toBeNull();
  });

  it('never lets a cell start a spreadsheet formula', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx']) expect(safeCell(s)!.startsWith("'")).toBe(true);
    expect(safeCell('viewer@example.org')).toBe('viewer@example.org');
    const line = auditCsvRow(entry({ action: 'sign-in-failed', email: '=cmd|calc', params: { q: '=1+1' } }), 'https://atlas.example.org');
    expect(line.split(',')[2]).toBe("'=cmd|calc");
    // JSON starts with a brace: never a formula.
    expect(line).toContain('"{""q"":""=1+1""}"');
  });

  it('reads the query keys, skips empty ones (a GET form sends them), and names the first at fault', () => {
    expect(parseAuditQuery(new URLSearchParams('actor=&action=export&lang=ru'), ['lang'])).toEqual({
      query: { action: 'export', limit: 100 },
      raw: { action: 'export' },
    });
    expect(parseAuditQuery(new URLSearchParams('from=2024-05-02&to=2024-05-01'))).toEqual({ param: 'from', message: 'from is after to' });
    expect(parseAuditQuery(new URLSearchParams('lang=ru'))).toMatchObject({ param: 'lang' });
    expect(parseAuditQuery(new URLSearchParams('q=a&q=b'))).toEqual({ param: 'q', message: 'q given more than once' });
  });
});
