// Sends a build file's compressed copy (.br or .gz, written by deploy/precompress.mjs) when the
// browser takes that encoding. Paths are the build's own hashed names under /_next/static/; any other
// request, or one without a copy, is left to Next.js (the handler answers false).
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';

const PREFIX = '/_next/static/';
const NAME = /^[A-Za-z0-9_][A-Za-z0-9._~-]{0,199}$/;
const TYPES = { js: 'application/javascript; charset=utf-8', mjs: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const COPIES = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** The encodings an Accept-Encoding header allows (a q of 0 refuses one). */
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header ?? '')
    .toLowerCase()
    .split(',')) {
    const [name, ...params] = part.trim().split(';');
    const given = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name.trim(), given === undefined ? 1 : Number(given));
  }
  return new Set(['br', 'gzip'].filter((e) => (q.get(e) ?? q.get('*') ?? 0) > 0));
}

/** The file a request path names under `dir` and its content type, or null when this handler does not serve it. */
export function builtFile(dir, pathname) {
  if (!pathname.startsWith(PREFIX)) return null;
  const segments = pathname.slice(PREFIX.length).split('/');
  if (segments.length > 8 || !segments.every((s) => NAME.test(s) && !s.includes('..'))) return null;
  const type = TYPES[segments.at(-1).split('.').pop()];
  return type ? { file: path.join(dir, ...segments), type } : null;
}

/** A request handler over the build's static folder `dir`: true when it answered. */
export function precompressedFiles(dir) {
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) sizes.set(file, statSync(file, { throwIfNoEntry: false })?.size ?? null);
    return sizes.get(file);
  };
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const built = builtFile(dir, new URL(request.url ?? '/', 'http://x').pathname);
    if (!built) return false;
    const accepted = acceptedEncodings(request.headers['accept-encoding']);
    for (const [encoding, suffix] of COPIES) {
      const size = accepted.has(encoding) ? sizeOf(built.file + suffix) : null;
      if (size === null) continue;
      response.writeHead(200, {
        'Content-Type': built.type,
        'Content-Encoding': encoding,
        'Content-Length': size,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(built.file + suffix).pipe(response);
      return true;
    }
    return false;
  };
}
