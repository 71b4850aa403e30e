import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Bundles a TypeScript child script (with the project code it imports) into one CommonJS file,
 * so each of the many killed children starts in tens of milliseconds instead of compiling
 * TypeScript again. esbuild comes with tsx/vite.
 */
export async function bundleChildScript(script: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(script, '.ts')}.cjs`)
  await build({
    entryPoints: [path.join(PROJECT_ROOT, script)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

export function spawnNodeScript(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [file, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves once the child has printed `marker` on stdout; rejects if it exits first. */
export function waitForOutput(
  child: ChildProcess,
  marker: string,
  timeoutMs = 20_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    let errors = ''
    const timer = setTimeout(
      () => reject(new Error(`child did not print "${marker}" in time: ${errors}`)),
      timeoutMs,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes(marker)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`child exited (${code ?? signal}) before "${marker}": ${errors}`))
    })
  })
}

export function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
