import { defineConfig } from 'vitest/config'

/** The Git suites that run once more with the isomorphic-git engine forced. */
const GIT_ENGINE_SUITES = [
  'tests/unit/git/publish.test.ts',
  'tests/unit/git/status-history.test.ts',
  'tests/unit/git/cli.test.ts',
]

export default defineConfig({
  test: {
    exclude: ['tests/e2e/**', 'tests/electron/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'git-isomorphic',
          include: GIT_ENGINE_SUITES,
          env: { INKPRESS_GIT_ENGINE: 'isomorphic' },
        },
      },
    ],
  },
})
