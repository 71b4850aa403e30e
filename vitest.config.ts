import { defineConfig } from 'vitest/config'

/** The slow Git suites judged by native git: their own project, run after the quick one. */
const GIT_MATRIX_SUITES = [
  'tests/unit/git/shapes.test.ts',
  'tests/unit/git/faults.test.ts',
  'tests/unit/git/sequence.test.ts',
]

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
          exclude: [...GIT_MATRIX_SUITES, 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'git-matrix', include: GIT_MATRIX_SUITES },
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
