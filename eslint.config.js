// One lint configuration for every folder. Beyond the recommended rules, it keeps the import
// graph honest: the browser bundles only core/, i18n/ and type imports from server/schemas/,
// core/ runs on both sides so it imports nothing of Node, the server or the database, and the
// database layer never reaches up into the server.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'migrations/', 'coverage/', 'bench/tmp/', 'screenshots/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Repositories answer with promises (issue 18): a query or write left un-awaited would run
    // outside its unit of work, or not before the answer is sent. These two rules need types.
    files: ['server/**/*.ts', 'db/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Every repository write goes through a unit of work (db/unit-of-work.ts); a write on the
    // plain database could land inside another request's open transaction.
    files: ['server/repositories/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.type='MemberExpression'][callee.object.property.name='db'][callee.property.name=/^(insert|update|delete|run|transaction)$/]",
          message: 'Write inside inTransaction(this.db, async (tx) => …) so the write is part of a unit of work.',
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      // Tags are registered in one define module that skips tags already registered.
      'wc/no-constructor-attributes': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/schemas/*'],
              allowTypeImports: true,
              message: 'The browser may only import types from server/schemas (import type).',
            },
            {
              group: ['**/server/**', '!**/server/schemas/*', '**/db/**', 'zod', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'The browser imports core/, i18n/ and types from server/schemas only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '**/client/**', 'node:*', 'fastify', 'fastify/*', 'lit', 'lit/*'],
              message: 'core/ runs in the browser and on the server: no Node, DOM, server or database imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/client/**'], message: 'db/ sits below the server: move what both need to core/.' }] },
      ],
    },
  },
);
