// `npm run bench [-- name] [-- --json]`: runs every tests/bench/*.bench.ts and prints one JSON
// object. Each bench runs in its own Node process, so one bench's heap (a browser driver, the
// isomorphic-git caches) never slows the next one's measurements.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const args = process.argv.slice(2)
const only = args.find((arg) => !arg.startsWith('--'))
const files = readdirSync('tests/bench')
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort()

const results = {}
let failed = false
for (const file of files) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/run.ts', file, '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  try {
    Object.assign(results, JSON.parse(run.stdout))
  } catch {
    results[`${file}.error`] = `no result (exit ${run.status})`
  }
  if (run.status !== 0) failed = true
}
process.stdout.write(`${JSON.stringify(results, null, args.includes('--json') ? 0 : 2)}\n`)
process.exit(failed ? 1 : 0)
