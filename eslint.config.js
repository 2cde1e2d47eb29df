// Lint: type-aware rules (no floating promises, no unexplained `any`) and the layer rules
// that keep src/shared pure, keep `electron` inside the shell, and keep the renderer away
// from the main process except through the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Bare names are matched exactly (paths), so a local folder called util/ is not mistaken for node's.
const nodeBuiltinNames = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'https', 'net', 'url', 'stream', 'util', 'events', 'buffer'];
const nodeBuiltinPaths = nodeBuiltinNames.map((name) => ({ name, message: 'Node built-ins are not allowed in this layer.' }));
const nodeGlobals = { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
  {
    // expect.objectContaining() and friends are typed any by vitest.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Layer: shared is pure TypeScript — no Node, no Electron, no DOM, no other layer.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          { group: ['node:*'], message: 'src/shared must not import Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
          { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom', 'better-sqlite3'], message: 'src/shared must not import other layers or platform libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // Layer: only the Electron shell imports electron.
    files: ['src/main/**/*.ts', 'src/renderer/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'Only src/main/electron imports electron.' }],
      }],
    },
  },
  {
    // Layer: the renderer reaches the store only through the contract's client.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/unbound-method': 'off', // zustand actions are closures, not methods using `this`
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a sandbox: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'Only src/main/electron imports electron.' },
          { group: ['**/main/**', 'better-sqlite3'], message: 'The renderer talks to the store only through the contract client (src/shared/contract).' },
        ],
      }],
    },
  },
);
