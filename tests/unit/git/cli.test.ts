import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIO } from '../../../src/main/cli/command'
import { runCli } from '../../../src/main/cli/run-cli'
import { bareGit, createPlayground, git, post, TOKEN, USER, type Playground } from './fixtures'

function captureIO(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd }
  return { io, out, err }
}

let pg: Playground
beforeEach(async () => {
  pg = await createPlayground()
})
afterEach(async () => {
  await pg.cleanup()
})

describe('inkpress status', () => {
  it('lists changed posts and exits 0', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'edit'))
    const { io, out } = captureIO(pg.tmp)
    expect(await runCli(['status', 'laptop'], io)).toBe(0)
    expect(out).toContain('On branch main, publishing to origin/main')
    expect(out).toContain('modified  posts/hello.md')

    const json = captureIO(dir)
    expect(await runCli(['status', '--json'], json.io)).toBe(0)
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({
      files: [{ path: 'posts/hello.md', state: 'modified' }],
    })
  })

  it('fails with one line for a folder that is not a repository', async () => {
    const { io, err } = captureIO(pg.tmp)
    expect(await runCli(['status', pg.tmp], io)).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/not a Git repository/)
    expect(await runCli(['status', 'a', 'b'], captureIO(pg.tmp).io)).toBe(2)
  })
})

describe('inkpress publish', () => {
  it('publishes with INKPRESS_USERNAME / INKPRESS_TOKEN and a custom message', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'From the CLI.'))
    const { io, out, err } = captureIO(pg.tmp, { INKPRESS_USERNAME: USER, INKPRESS_TOKEN: TOKEN })
    expect(await runCli(['publish', dir, '--message', 'CLI publish'], io)).toBe(0)
    expect(err).toEqual([])
    expect(out[0]).toBe('Committed: CLI publish')
    expect(await bareGit(pg.bare, 'log', '-1', '--format=%s', 'main')).toBe('CLI publish')
  })

  it('exits non-zero with one line and keeps the commit when the push fails', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Kept by the CLI.'))
    const { io, err } = captureIO(pg.tmp, {
      INKPRESS_USERNAME: USER,
      INKPRESS_TOKEN: 'bad-cli-token',
    })
    expect(await runCli(['publish', dir], io)).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/refused the token.*\[UNAUTHORIZED\]$/)
    expect(err[0]).not.toContain('bad-cli-token')
    expect(await git(dir, 'show', 'HEAD:posts/hello.md')).toContain('Kept by the CLI.')
    expect(await pg.read(dir, 'posts/hello.md')).toContain('Kept by the CLI.')

    const nothing = captureIO(pg.tmp, { INKPRESS_USERNAME: USER, INKPRESS_TOKEN: TOKEN })
    expect(await runCli(['publish', dir], nothing.io)).toBe(0)
    expect(await runCli(['publish', dir], nothing.io)).toBe(1)
    expect(nothing.err[0]).toMatch(/nothing to publish/)
  })
})
