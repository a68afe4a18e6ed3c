/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A self-contained server (.next/standalone/server.js with the node_modules it uses): what
  // `npm start` and the container image run. The files read at run time travel with it.
  output: 'standalone',
  outputFileTracingIncludes: { '/**': ['./data/*.json', './data/*.geojson', './data/*.csv', './db/migrations/**/*'] },
  poweredByHeader: false,
  // No compression here: on a laptop it only costs time (Next's gzip added 2–6 ms to 5–15 ms API
  // answers on a 2-core machine), and a shared deployment sits behind a reverse proxy that
  // compresses (see README, "Running it for others").
  compress: false,
  // PGlite loads its WebAssembly and the PostGIS bundle from its own package files at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'],
  // `next dev` blocks its HMR endpoint for origins other than localhost unless listed.
  allowedDevOrigins: ['127.0.0.1'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
