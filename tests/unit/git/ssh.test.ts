/**
 * Publishing to SSH remotes through the system git, with no network: GIT_SSH_COMMAND points
 * at a small script that drops ssh's options and host and runs git-upload-pack /
 * git-receive-pack locally on the test server's bare repository.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getStatus, publish } from '../../../src/main/services/git'
import { AppFailure } from '../../../src/shared/result'
import {
  bareGit,
  createPlayground,
  git,
  post,
  pushFromOtherMachine,
  type Playground,
} from './fixtures'

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppFailure)
  return error as AppFailure
}

/** Writes an executable stand-in for ssh and returns its path. */
async function fakeSsh(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, `#!/bin/sh\n${body}\n`)
  await chmod(file, 0o755)
  return file
}

const LOCAL_SSH = [
  '# The last argument is the command git wants run on the server, e.g.',
  "# git-receive-pack '/path/blog.git'; everything before it (options, host) is dropped.",
  'for last; do :; done',
  'exec sh -c "$last"',
].join('\n')

let pg: Playground
let savedEnv: Record<string, string | undefined>
let sshUrl: string

beforeEach(async () => {
  pg = await createPlayground()
  savedEnv = {
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND,
    GIT_SSH_VARIANT: process.env.GIT_SSH_VARIANT,
    PATH: process.env.PATH,
  }
  process.env.GIT_SSH_COMMAND = await fakeSsh(pg.tmp, 'local-ssh', LOCAL_SSH)
  // The stand-in takes only "host command", like plink-free simple ssh programs.
  process.env.GIT_SSH_VARIANT = 'simple'
  sshUrl = `ssh://git@example.invalid${pg.bare}`
})

afterEach(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  await pg.cleanup()
})

async function sshClone(name: string): Promise<string> {
  const dir = await pg.clone(name)
  await git(dir, 'remote', 'set-url', 'origin', sshUrl)
  return dir
}

describe('publishing to an SSH remote with the system git', () => {
  it('pushes the commit, says it used the system git, and the push lands', async () => {
    const dir = await sshClone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello over SSH', 'Sent through ssh.'))
    const phases: string[] = []

    const result = await publish(dir, { onProgress: (e) => phases.push(e.phase) })

    expect(result).toMatchObject({ pushed: true, via: 'Pushed with the system git over SSH' })
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s|%H')).toBe(
      `Publish: Hello over SSH|${result.headOid}`,
    )
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Sent through ssh.')
    expect(phases).toEqual(expect.arrayContaining(['fetch', 'push', 'done']))
    expect(await getStatus(dir)).toMatchObject({ ahead: 0, behind: 0, files: [] })
    expect(await git(dir, 'rev-parse', 'origin/main')).toBe(result.headOid)
    // Nothing of the SSH run is left in the repository's config.
    expect(await git(dir, 'config', '--get', 'remote.origin.url')).toBe(sshUrl)
  })

  it('fetches the server commits over SSH and merges them with the local commit', async () => {
    const dir = await sshClone('laptop')
    await pushFromOtherMachine(pg, 'desktop', 'posts/second.md', post('Second', 'From desktop.'))
    await pg.write(dir, 'posts/hello.md', post('Hello', 'From laptop.'))

    const result = await publish(dir)

    expect(result).toMatchObject({ pushed: true, integrated: 'merged' })
    expect(await bareGit(pg.bare, 'show', 'main:posts/second.md')).toContain('From desktop.')
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('From laptop.')
    expect(await pg.read(dir, 'posts/second.md')).toContain('From desktop.')
  })

  it("reports a server hook's refusal with its reason and keeps the commit", async () => {
    const dir = await sshClone('laptop')
    await pg.server.refusePushes('blog', 'Posts need a date in their front matter')
    const serverBefore = await bareGit(pg.bare, 'rev-parse', 'main')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Refused edit.'))

    const failure = await failureOf(publish(dir))

    expect(failure.code).toBe('PUSH_REJECTED')
    expect(failure.message).toContain('Posts need a date in their front matter')
    expect(failure.message).toMatch(/saved on this computer/)
    expect(await bareGit(pg.bare, 'rev-parse', 'main')).toBe(serverBefore)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Refused edit.')
    expect((await getStatus(dir)).waitingSummary).toBe('1 commit waiting to publish')
  })

  it('on a conflict with a newer server edit, keeps both sides and pushes nothing', async () => {
    const dir = await sshClone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Mine.'))
    await publish(dir)
    // Another machine edits the same post after our last publish.
    await pushFromOtherMachine(pg, 'desktop', 'posts/hello.md', post('Hello', 'Theirs.'))
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Mine again.'))
    const failure = await failureOf(publish(dir))
    expect(failure.code).toBe('CONFLICT')
    expect(await bareGit(pg.bare, 'show', 'main:posts/hello.md')).toContain('Theirs.')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Mine again.')
  })

  it.each([
    {
      name: 'a refused key',
      stderr: 'git@example.invalid: Permission denied (publickey).',
      code: 'UNAUTHORIZED',
      text: /refused your key/,
    },
    {
      name: 'an unknown host key',
      stderr: 'Host key verification failed.',
      code: 'NETWORK',
      text: /host key verification failed/,
    },
    {
      name: 'a host that does not resolve',
      stderr: 'ssh: Could not resolve hostname example.invalid: Name or service not known',
      code: 'NETWORK',
      text: /Could not reach the server example\.invalid/,
    },
  ])('explains $name in plain words and keeps the commit', async ({ stderr, code, text }) => {
    const dir = await sshClone('laptop')
    process.env.GIT_SSH_COMMAND = await fakeSsh(
      pg.tmp,
      'failing-ssh',
      `echo '${stderr}' >&2\nexit 255`,
    )
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Waiting edit.'))

    const failure = await failureOf(publish(dir))

    expect(failure.code).toBe(code)
    expect(failure.message).toMatch(text)
    expect(failure.message).toMatch(/saved on this computer/)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Waiting edit.')
  })

  it('stops a hanging ssh on cancel and on timeout', async () => {
    const dir = await sshClone('laptop')
    process.env.GIT_SSH_COMMAND = await fakeSsh(pg.tmp, 'hanging-ssh', 'exec sleep 30')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Edit.'))

    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 300)
    const cancelled = await failureOf(publish(dir, { signal: controller.signal }))
    expect(cancelled.code).toBe('CANCELLED')

    const timedOut = await failureOf(publish(dir, { timeoutMs: 300 }))
    expect(timedOut.code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Publish: Hello')
  })

  it('without a system git, explains SSH and offers the HTTPS address', async () => {
    const dir = await pg.clone('laptop')
    await git(dir, 'remote', 'set-url', 'origin', 'git@github.com:writer/blog.git')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const emptyBin = await mkdtemp(path.join(tmpdir(), 'inkpress-no-git-'))
    try {
      await mkdir(emptyBin, { recursive: true })
      process.env.PATH = emptyBin
      const failure = await failureOf(publish(dir))
      process.env.PATH = savedEnv.PATH
      expect(failure.code).toBe('SSH_UNSUPPORTED')
      expect(failure.message).toContain('https://github.com/writer/blog.git')
    } finally {
      process.env.PATH = savedEnv.PATH
      await rm(emptyBin, { recursive: true, force: true })
    }
    // Nothing was committed and the edit is still there.
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Initial posts')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('edit')
  })
})
