import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { build } from 'esbuild'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Bundles a TypeScript child script with the project sources it imports into one ES module,
 * so each of the many killed children starts in tens of milliseconds instead of compiling
 * TypeScript again (esbuild comes with tsx and vite). npm packages stay external and resolve
 * from node_modules, which is why the bundle is written inside the project.
 */
export async function bundleChildScript(script: string): Promise<string> {
  await mkdir(path.join(PROJECT_ROOT, 'node_modules', '.cache'), { recursive: true })
  const outDir = await mkdtemp(
    path.join(PROJECT_ROOT, 'node_modules', '.cache', 'inkpress-security-'),
  )
  const outfile = path.join(outDir, `${path.basename(script, '.ts')}.mjs`)
  await build({
    entryPoints: [path.join(PROJECT_ROOT, script)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

/** Removes a bundle made by bundleChildScript. */
export async function removeChildBundle(file: string): Promise<void> {
  await rm(path.dirname(file), { recursive: true, force: true })
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
