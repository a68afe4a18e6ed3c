/**
 * The Content-Security-Policy of the pages: scripts only from this origin with the request's nonce
 * (and what those load, 'strict-dynamic'), data only from this origin, never framed. MapLibre's
 * worker is a bundled file (`worker-src 'self'`); deck.gl's tile loaders may start workers from
 * blobs. Styles allow inline attributes: React writes `style=""` (map colours as CSS variables), and
 * style attributes cannot run script.
 */
export interface CspOptions {
  /** Base64 nonce, new for every response. */
  nonce: string;
  /** `next dev` needs eval for React's debugging; production never does. */
  dev: boolean;
  /** Origins of a hosted basemap (its style, tiles, glyphs and sprites). */
  basemapOrigins: readonly string[];
}

export function contentSecurityPolicy({ nonce, dev, basemapOrigins }: CspOptions): string {
  const basemap = basemapOrigins.join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', `'self' blob: data: ${basemap}`.trim()],
    ['font-src', "'self'"],
    ['connect-src', `'self' ${basemap}`.trim()],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
