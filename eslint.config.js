import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Guard rails that keep the shape (docs/ARCHITECTURE.md, ADR 016).
  {
    // The core is pure: no I/O, no framework, no database, nothing from the application around it.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                'fastify-*',
                '@fastify/*',
                'kysely',
                'pg',
                'better-sqlite3',
                'ioredis',
                'nodemailer',
              ],
              message: 'src/core is pure: no server, database or mail libraries.',
            },
            { group: ['react', 'react-*', '@mantine/*'], message: 'src/core is pure: no UI libraries.' },
            {
              group: [
                'fs',
                'node:fs',
                'node:fs/*',
                'net',
                'node:net',
                'http',
                'node:http',
                'node:child_process',
              ],
              message: 'src/core does no I/O: its caller reads and writes.',
            },
            {
              group: [
                '**/modules/**',
                '**/db/**',
                '**/http/**',
                '**/services.js',
                '**/app.js',
                '**/config.js',
              ],
              message: 'src/core does not depend on the application around it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared vocabulary (src/shared/README.md) stands alone: the web bundle takes it whole.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./).*',
              message: 'src/shared imports nothing outside src/shared (no zod, node or React).',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes call services; only repositories write SQL.
    files: ['src/modules/**/routes.ts', 'src/modules/**/*-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/repository.js', 'kysely'], message: 'Routes call a service, never a repository.' },
          ],
        },
      ],
    },
  },
  {
    // Pages and components talk to the server only through web/src/api (one client).
    files: ['web/src/pages/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Call the server through web/src/api (client.ts and a feature module).' },
        { name: 'XMLHttpRequest', message: 'Uploads go through upload() in web/src/api/client.ts.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
