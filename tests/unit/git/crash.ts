import type { ChildProcess } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { spawnNodeScript } from '../../security/support/child-process'

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Waits for git processes a killed publish left running to finish their step. */
export async function settle(dir: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const locks = (await readdir(path.join(dir, '.git'))).filter((n) => n.endsWith('.lock'))
    if (locks.length === 0) return
    await sleep(100)
  }
}

/**
 * Starts `publish.child.ts` (bundled as `child`) on `dir` with `engine`, kills it with SIGKILL
 * after `delayMs`, waits for it to be gone and for the git processes it left to settle.
 */
export async function killPublishAfter(
  child: string,
  dir: string,
  engine: string,
  delayMs: number,
): Promise<void> {
  const publishing: ChildProcess = spawnNodeScript(child, [dir, engine])
  publishing.stdout?.resume()
  publishing.stderr?.resume()
  publishing.on('error', () => undefined)
  await sleep(delayMs)
  // The child may already have finished: then there is no exit left to wait for.
  const exited = new Promise((resolve) => {
    if (publishing.exitCode !== null || publishing.signalCode !== null) resolve(undefined)
    else publishing.once('exit', resolve)
  })
  publishing.kill('SIGKILL')
  await exited
  await settle(dir)
}
