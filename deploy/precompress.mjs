// Writes a Brotli (.br) and a gzip (.gz) copy beside every script and style sheet of the build's
// static folder (`node deploy/precompress.mjs DIR`), so the server sends them compressed without
// compressing per request (deploy/compressed-server.mjs sends them, ahead of Next.js).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: node deploy/precompress.mjs DIR (a folder of the build)');
  process.exit(2);
}
const files = (d) =>
  readdirSync(d).flatMap((name) => {
    const p = path.join(d, name);
    return statSync(p).isDirectory() ? files(p) : /\.(?:m?js|css)$/.test(name) ? [p] : [];
  });
let [count, raw, br] = [0, 0, 0];
for (const file of files(dir)) {
  const body = readFileSync(file);
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  [count, raw, br] = [count + 1, raw + body.length, br + brotli.length];
}
console.log(`precompressed ${count} files: ${(raw / 1e6).toFixed(1)} MB → ${(br / 1e6).toFixed(1)} MB (Brotli)`);
