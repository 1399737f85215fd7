// @ts-check
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'zlib', 'util', 'module', 'buffer', 'events'];
const nodePatterns = nodeBuiltins.map((name) => ({ group: [name], message: 'renderer/ and shared/ must not import Node modules (DESIGN.md import rules).' }));
const electronPattern = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron (DESIGN.md import rules).' };
const nativePattern = { group: ['better-sqlite3', 'docx'], message: 'Database and docx code live in electron/backend (DESIGN.md import rules).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'docs/**', 'resources/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...nodePatterns, electronPattern, nativePattern,
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*', 'i18next', 'react-i18next'], message: 'shared/ must not import React or UI libraries.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' }],
      }],
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ must not use the DOM.' }, { name: 'document', message: 'shared/ must not use the DOM.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...nodePatterns, electronPattern, nativePattern,
          { group: ['**/electron/**'], message: 'renderer/ must not import from electron/ (use the contract in shared/api/).' }],
      }],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [electronPattern],
        // fflate's Node entry declares `var require`, which collides with the bundler's own `require` shim in the
        // built worker (out/main/worker.js fails to load). Its browser entry is the same code without it.
        paths: [
          { name: 'fflate', message: "Import from 'fflate/browser': the Node entry breaks the built backend worker." },
          { name: 'node:zlib', message: "Import from files/zlib: a native zlib call cut by thread termination aborts the whole app." },
          { name: 'zlib', message: "Import from files/zlib: a native zlib call cut by thread termination aborts the whole app." },
        ],
      }],
    },
  },
  {
    // files/zlib.ts wraps node:zlib; migration 5 was released importing node:zlib and a released migration's source is
    // frozen (test/backend/migrations-frozen.test.ts): it runs once, while an old database is opened.
    files: ['electron/backend/files/zlib.ts', 'electron/backend/db/migrations/005-revision-checksums.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronPattern] }] },
  },
);
