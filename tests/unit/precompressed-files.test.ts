import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the deployment, without type declarations
import { acceptedEncodings, builtFile, precompressedFiles } from '../../deploy/precompressed-files.mjs';

describe('Accept-Encoding', () => {
  it('allows what the browser lists, refuses what it gives q=0, and reads * as the rest', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('gzip;q=1.0, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*;q=0.5')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('built files', () => {
  it('serves only scripts and style sheets under /_next/static/, by the build’s own names', () => {
    expect(builtFile('/b', '/_next/static/chunks/a1-B_c.js')).toEqual({
      file: '/b/chunks/a1-B_c.js',
      type: 'application/javascript; charset=utf-8',
    });
    expect(builtFile('/b', '/_next/static/chunks/x.css')?.type).toBe('text/css; charset=utf-8');
    expect(builtFile('/b', '/_next/static/media/x.mjs')?.type).toBe('application/javascript; charset=utf-8');
    for (const refused of [
      '/api/blos',
      '/_next/static/media/logo.svg',
      '/_next/static/../../package.json.js',
      '/_next/static/chunks/..%2Fx.js',
      '/_next/static/.hidden.js',
      '/_next/static/a//b.js',
    ])
      expect(builtFile('/b', refused), refused).toBeNull();
  });
});

describe('the compressed copies, served ahead of Next.js', () => {
  const script = 'console.log("a chunk of the build");\n'.repeat(200);
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'static-'));
    mkdirSync(path.join(dir, 'chunks'));
    writeFileSync(path.join(dir, 'chunks/app.js'), script);
    writeFileSync(path.join(dir, 'chunks/app.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dir, 'chunks/app.js.gz'), gzipSync(script));
    writeFileSync(path.join(dir, 'chunks/plain.js'), script);
    const serve = precompressedFiles(dir);
    server = http.createServer((req, res) => {
      if (!serve(req, res)) res.writeHead(299, { 'x-next': 'yes' }).end('next');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());

  const get = (pathname: string, encoding: string, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request({ host: '127.0.0.1', port, path: pathname, method, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject)
        .end();
    });

  it('sends the Brotli copy to a browser that takes it, the gzip copy to one that takes only gzip, both decoding to the file', async () => {
    const br = await get('/_next/static/chunks/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);
    const gz = await get('/_next/static/chunks/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const head = await get('/_next/static/chunks/app.js', 'br', 'HEAD');
    expect([head.status, head.body.length, head.headers['content-encoding']]).toEqual([200, 0, 'br']);
  });

  it('leaves to Next.js a request without an accepted encoding, a file without a copy, and every other path', async () => {
    for (const [pathname, encoding] of [
      ['/_next/static/chunks/app.js', 'identity'],
      ['/_next/static/chunks/plain.js', 'br'],
      ['/_next/static/chunks/missing.js', 'br'],
      ['/api/blos', 'br'],
    ]) {
      const answer = await get(pathname, encoding);
      expect([answer.status, answer.body.toString()], pathname).toEqual([299, 'next']);
    }
  });
});
