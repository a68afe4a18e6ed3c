/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // API answers are gzipped by the route helper at level 1 (app/_server/api-route.ts): Next's own
  // compression added 2–6 ms to 5–15 ms answers on a 2-core machine (6 ms to a 115 KB series).
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
