// Next's recommended rules (React, hooks, accessibility, Core Web Vitals) and its TypeScript rules.
// `npm run lint` runs it with --max-warnings 0: a warning fails the tests like an error.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Unused names are dead code; a leading underscore marks one that a signature requires.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { ignores: ['node_modules/', '.next/', '.data/', 'test-results/', 'playwright-report/', 'next-env.d.ts', 'db/migrations/'] },
];

export default config;
