// The production entry point (`npm start`, the container image): Next.js's standalone server, with
// the build's scripts and style sheets sent from the Brotli or gzip copies written at build time
// (deploy/precompress.mjs). Next.js drops a route's Content-Encoding and compresses only per request
// (`compress`, off: it costs the API answers time), so the copies are served here, ahead of Next.js,
// and everything else goes to it unchanged. Copied beside server.js by `npm run build`.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressedFiles } from './precompressed-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const serveCopy = precompressedFiles(path.join(here, '.next/static'));
const createServer = http.createServer;
http.createServer = function (...args) {
  const at = args.findIndex((a) => typeof a === 'function');
  if (at >= 0) {
    const next = args[at];
    args[at] = (request, response) => {
      if (!serveCopy(request, response)) next(request, response);
    };
  }
  return createServer.apply(this, args);
};
await import('./server.js');
