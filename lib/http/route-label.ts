/**
 * The route a request path belongs to, as its pattern (`/api/tiles/{z}/{x}/{y}`): what logs and
 * metrics label requests with. Patterns, not paths, so a metric has one series per route rather
 * than one per tile or post.
 */
const DYNAMIC: readonly [RegExp, string][] = [
  [/^\/api\/tiles\/[^/]+\/[^/]+\/[^/]+$/, '/api/tiles/{z}/{x}/{y}'],
  [/^\/api\/blos\/[^/]+\/seizures$/, '/api/blos/{code}/seizures'],
  [/^\/api\/blos\/[^/]+$/, '/api/blos/{code}'],
  [/^\/api\/imports\/[^/]+\/(undo|reimport|rejections)$/, '/api/imports/{batch}/$1'],
  [/^\/api\/admin\/users\/[^/]+$/, '/api/admin/users/{id}'],
  [/^\/api\/export\/picture$/, '/api/export/picture'],
  [/^\/api\/export\/[^/]+$/, '/api/export/{file}'],
  [/^\/api\/auth\/.+$/, '/api/auth/{action}'],
];

const STATIC = new Set([
  '/api/audit',
  '/api/audit/csv',
  '/api/admin/users',
  '/api/baselines',
  '/api/blos',
  '/api/countries',
  '/api/emerging',
  '/api/health',
  '/api/hotspots',
  '/api/imports',
  '/api/imports/example',
  '/api/metrics',
  '/api/pairs',
  '/api/ready',
  '/api/reporting',
  '/api/revisions',
  '/api/routes',
  '/api/seizures',
  '/api/setup',
  '/api/summary',
  '/api/timeseries',
]);

export function routeLabel(pathname: string): string {
  if (STATIC.has(pathname)) return pathname;
  for (const [pattern, label] of DYNAMIC) if (pattern.test(pathname)) return pathname.replace(pattern, label);
  return '/api/{unknown}';
}
