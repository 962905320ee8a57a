import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

export default [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: ['lib/generated/**', 'prisma/generated/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'next-env.d.ts'],
  },
  {
    // Reader pages ship no client runtime: their links are plain <a> elements (DESIGN §1).
    files: ['app/(site)/**', 'components/**'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
