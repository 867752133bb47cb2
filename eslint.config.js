// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIoModules = ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process', 'zlib', 'process', 'worker_threads', 'readline'];
const nodeIo = nodeIoModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'packages/server/drizzle/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the module that defines the thing.' },
      ],
    },
  },
  {
    // Boundaries: the web app never imports the server; the server never imports the web app.
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@twofold/server', '@twofold/server/*', '**/server/src/**'], message: 'The web app talks to the server over HTTP only.' }] },
      ],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@twofold/web', '@twofold/web/*', '**/web/src/**'], message: 'The server does not import the web app.' }] },
      ],
    },
  },
  {
    // The psychometrics library is pure: no I/O, no app code. Only its CLI and tests touch files.
    files: ['packages/psychometrics/src/**/*.ts'],
    ignores: ['packages/psychometrics/src/cli/**', 'packages/psychometrics/src/**/*.test.ts', 'packages/psychometrics/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIo.map((name) => ({ name, message: 'The psychometrics library does no I/O; put it in src/cli/.' })),
          patterns: [{ group: ['@twofold/server', '@twofold/server/*', '@twofold/web', '@twofold/web/*', '**/server/src/**', '**/web/src/**'], message: 'The psychometrics library imports neither the server nor the web app.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
