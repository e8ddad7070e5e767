import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import directions of DESIGN.md: core imports nothing of ours; host imports core; renderer imports
// only core; preload only electron and core. A forbidden import is a lint error, and lint is part of npm test.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = ['better-sqlite3', 'node-pty', 'ws', 'tsx', 'yaml', '@cdktf/hcl2json'];
const reactPackages = ['react', 'react-dom', 'zustand'];
const reactPatterns = ['react-dom/*', '@xyflow/*', '@rjsf/*', '@xterm/*'];

const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.vite/', 'out/', 'coverage/', 'test/fixtures/', 'test/lint-fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...nodeBuiltins, 'electron', ...nodeOnlyPackages, ...reactPackages],
        ['node:*', ...reactPatterns, '**/host/**', '**/cli/**', '**/web/**', '**/main/**', '**/renderer/**'],
        'src/core is pure TypeScript: no Node, DOM, Electron or React, and nothing of ours outside core.',
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'window', 'document'],
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: restrict(
      ['electron', ...reactPackages],
      [...reactPatterns, '**/cli/**', '**/web/**', '**/main/**', '**/renderer/**'],
      'src/host imports only src/core and Node packages: no React, no Electron, no shells.',
    ),
  },
  {
    files: ['src/cli/**/*.ts', 'src/web/**/*.ts'],
    rules: restrict(
      ['electron', ...reactPackages],
      [...reactPatterns, '**/main/**', '**/renderer/**'],
      'The CLI and web shell use src/host and src/core only.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', ...nodeOnlyPackages],
        ['node:*', '**/src/host/**', '**/src/cli/**', '**/src/web/**', '**/main/**'],
        'The renderer imports src/core only: never host, main, Node or Electron.',
      ),
    },
  },
  {
    files: ['main/preload.ts'],
    rules: restrict(
      [...nodeBuiltins],
      ['node:*', '**/src/host/**', '**/renderer/**'],
      'The preload imports only electron (contextBridge, ipcRenderer) and the contract in src/core.',
    ),
  },
  {
    // CDKTF is only the peer in bench/compiler.bench.ts: never loaded by the app.
    files: ['src/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value=/^(cdktf|constructs)$/]", message: 'cdktf is a benchmark peer only; never import it in the app.' }] },
  },
);
