import { execFileSync, spawnSync } from 'node:child_process'
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { savePostFile } from '../../../src/main/services/posts/post-files'
import {
  bundleChildScript,
  removeChildBundle,
  killAndWait,
  sleep,
  spawnNodeScript,
  waitForOutput,
} from '../support/child-process'
import { makeTempDir, removeTempDir } from '../support/temp-dir'
import { NEW_VERSION, OLD_VERSION } from './save-contents'

const KILLS = 120
const PARALLEL = 8
const POST = 'post.md'

let base: string
let writerScript: string
let saveOnceScript: string

beforeAll(async () => {
  base = await makeTempDir('saves')
  writerScript = await bundleChildScript('tests/security/saves/save-writer.child.ts')
  saveOnceScript = await bundleChildScript('tests/security/saves/save-once.child.ts')
})

afterAll(async () => {
  await removeTempDir(base)
  await removeChildBundle(writerScript)
  await removeChildBundle(saveOnceScript)
})

type Outcome = 'old' | 'new' | 'torn'

/** One run: a fresh folder with the old version, a child saving in a loop, a SIGKILL at a random moment. */
async function killDuringSaves(run: number): Promise<{ outcome: Outcome; leftovers: number }> {
  const repo = path.join(base, `kill-${run}`)
  await mkdir(repo)
  await writeFile(path.join(repo, POST), OLD_VERSION)
  const child = spawnNodeScript(writerScript, [repo, POST, run % 2 === 0 ? 'post' : 'atomic'])
  await waitForOutput(child, 'ready\n')
  await sleep(Math.random() * 150)
  await killAndWait(child)
  const text = await readFile(path.join(repo, POST), 'utf8')
  const outcome: Outcome = text === OLD_VERSION ? 'old' : text === NEW_VERSION ? 'new' : 'torn'
  const leftovers = (await readdir(repo)).length - 1
  return { outcome, leftovers }
}

describe('saves survive being killed at any moment', () => {
  it(`the file is always exactly the old or the new version (${KILLS} SIGKILLs)`, async () => {
    const outcomes: Outcome[] = []
    for (let start = 0; start < KILLS; start += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, KILLS - start) }, (_, i) =>
        killDuringSaves(start + i),
      )
      for (const { outcome } of await Promise.all(batch)) outcomes.push(outcome)
    }
    expect(outcomes).toHaveLength(KILLS)
    expect(outcomes.filter((outcome) => outcome === 'torn')).toEqual([])
    // The kills must have landed on both sides of a save, or the test proved nothing.
    expect(outcomes).toContain('old')
    expect(outcomes).toContain('new')
  }, 120_000)
})

/** A 64 KB tmpfs makes a real "disk full"; mounting needs root (CAP_SYS_ADMIN). */
function mountTinyDisk(dir: string): string | null {
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {
    encoding: 'utf8',
  })
  return result.status === 0
    ? null
    : `cannot mount a tmpfs here (${(result.stderr || result.error?.message || 'not permitted').trim()})`
}

const tinyDisk = path.join(process.env.TMPDIR ?? '/tmp', `inkpress-sec-tinydisk-${process.pid}`)
let tinyDiskProblem: string | null = null

describe('disk full', () => {
  beforeAll(async () => {
    await mkdir(tinyDisk, { recursive: true })
    tinyDiskProblem = mountTinyDisk(tinyDisk)
    if (tinyDiskProblem) console.warn(`Skipping the disk-full test: ${tinyDiskProblem}`)
  })

  afterAll(async () => {
    if (!tinyDiskProblem) spawnSync('umount', [tinyDisk])
    await removeTempDir(tinyDisk)
  })

  it('a save that does not fit gives a clear DISK_FULL error; the original and the folder are untouched', async (context) => {
    if (tinyDiskProblem) context.skip(tinyDiskProblem)
    const original = '# Fits\n\nThe saved version.\n'
    await writeFile(path.join(tinyDisk, POST), original)
    const tooBig = 'x'.repeat(256 * 1024)

    const error = await savePostFile(tinyDisk, POST, tooBig, null, {
      overwriteExternalChanges: true,
    }).then(
      () => null,
      (failure: unknown) => failure as { code: string; message: string },
    )

    expect(error?.code).toBe('DISK_FULL')
    expect(error?.message).toContain('disk is full')
    expect(error?.message).toContain('still in the editor')
    expect(await readFile(path.join(tinyDisk, POST), 'utf8')).toBe(original)
    expect(await readdir(tinyDisk)).toEqual([POST])
  })
})

describe('permission denied', () => {
  const asNobody = (args: string[]) =>
    execFileSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, ...args],
      {
        encoding: 'utf8',
      },
    )

  it('a save into a read-only folder gives a clear PERMISSION_DENIED error; the original is untouched, no temp files', async (context) => {
    const isRoot = process.getuid?.() === 0
    const folder = path.join(base, 'read-only')
    await mkdir(folder)
    const original = '# Mine\n\nCannot be replaced.\n'
    await writeFile(path.join(folder, POST), original)
    await chmod(folder, 0o555)
    await chmod(path.join(folder, POST), 0o444)
    let outcome: { ok: boolean; code?: string; message?: string }
    if (isRoot) {
      // Root ignores permissions: run the save as "nobody", who can read the bundled script.
      await chmod(base, 0o755)
      await chmod(path.dirname(saveOnceScript), 0o755)
      await chmod(saveOnceScript, 0o644)
      try {
        outcome = JSON.parse(
          asNobody([saveOnceScript, folder, POST, 'replacement']),
        ) as typeof outcome
      } catch (error) {
        context.skip(`cannot run as an unprivileged user with setpriv: ${(error as Error).message}`)
        return
      }
    } else {
      outcome = await savePostFile(folder, POST, 'replacement', null, {
        overwriteExternalChanges: true,
      }).then(
        () => ({ ok: true }),
        (error: { code: string; message: string }) => ({
          ok: false,
          code: error.code,
          message: error.message,
        }),
      )
    }
    await chmod(folder, 0o755)

    expect(outcome).toMatchObject({ ok: false, code: 'PERMISSION_DENIED' })
    expect(outcome.message).toContain('permission denied')
    expect(outcome.message).toContain('still in the editor')
    expect(await readFile(path.join(folder, POST), 'utf8')).toBe(original)
    expect(await readdir(folder)).toEqual([POST])
  })
})
