// `npm run bench [-- --json]`: runs every tests/bench/*.bench.ts and prints one JSON object.
import { spawnSync } from 'node:child_process'

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'tests/bench/run.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)
process.exit(result.status ?? 1)
