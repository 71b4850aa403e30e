import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Runs each `*.bench.ts` here (or the one named) in turn, never in parallel, and merges
 * their figures into one JSON object on stdout. Progress goes to stderr so `--json` stays clean.
 */
const only = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const benchDir = path.dirname(new URL(import.meta.url).pathname)
const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort()

const results: Record<string, unknown> = {}
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`)
  const started = performance.now()
  const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as {
    default: () => Promise<Record<string, unknown>>
  }
  try {
    Object.assign(results, await module.default())
  } catch (error) {
    results[`${file}.error`] = (error as Error).message
    process.exitCode = 1
  }
  process.stderr.write(`bench: ${file} done in ${Math.round(performance.now() - started)} ms\n`)
}
process.stdout.write(`${JSON.stringify(results, null, process.argv.includes('--json') ? 0 : 2)}\n`)
