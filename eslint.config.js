// Lint rules: the recommended sets of ESLint and typescript-eslint, with formatting left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'src/generated/',
      'tests/e2e/artifacts/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Core modules must stay DOM-free and browser-free; see src/core/README.md.
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'navigator',
        'chrome',
        'browser',
        'indexedDB',
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../content/*',
            '../background/*',
            '../popup/*',
            '../cli/*',
            'webextension-polyfill',
            'node:*',
          ],
        },
      ],
    },
  },
  prettier,
);
