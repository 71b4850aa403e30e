import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
]

/** Layer rules: what each part of src may import (see README, "Source map"). */
const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
})

const nodePlatform = { group: NODE_BUILTINS, message: 'This layer must not use Node APIs.' }
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/electron and src/preload may import Electron.',
}
const mainLayer = {
  group: ['**/main/**', '../main/*'],
  message: 'The renderer reaches the main process only through the API contract.',
}
const uiLibraries = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@codemirror/*', 'codemirror'],
  message: 'src/shared is UI-free.',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['src/renderer/**/*.{ts,tsx}'],
    [
      nodePlatform,
      electron,
      mainLayer,
      { group: ['**/preload/**'], message: 'Use the Transport, not the preload module.' },
    ],
  ),
  layer(
    ['src/shared/**/*.ts'],
    [
      nodePlatform,
      electron,
      uiLibraries,
      {
        group: ['**/main/**', '**/renderer/**', '**/preload/**'],
        message: 'src/shared imports only src/shared.',
      },
    ],
  ),
  layer(
    [
      'src/main/services/**/*.ts',
      'src/main/api/**/*.ts',
      'src/main/web/**/*.ts',
      'src/main/cli/**/*.ts',
    ],
    [electron],
  ),
  layer(['src/preload/**/*.ts'], [nodePlatform, mainLayer]),
)
