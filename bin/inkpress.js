#!/usr/bin/env node
// The `inkpress` command: runs the built CLI (plain Node, no Electron needed).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(built)) {
  process.stderr.write(
    'inkpress is not built yet: run `npm run build` in the Inkpress folder first.\n',
  )
  process.exit(1)
}
// `inkpress render` starts this file again as a worker thread to keep its time budget.
process.env.INKPRESS_CLI_ENTRY = fileURLToPath(import.meta.url)
await import(built)
