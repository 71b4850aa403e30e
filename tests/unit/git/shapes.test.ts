/**
 * The repository-shape matrix: every shape writers' repositories come in, built with native
 * git, published by each engine, and judged by native git against what git itself publishes.
 *
 * For each shape two identical laptops are cloned. One publishes with Inkpress (through the
 * real smart-HTTP server), the other with native git (`git add -A`, commit, `pull --no-rebase`,
 * push) to a copy of the server. Then: the published trees are identical, both indexes and
 * `git status` agree, `git fsck --full --strict` passes on the laptop and the server, and every
 * earlier tip is an ancestor of the new one. An engine that cannot honour a shape must refuse
 * before touching anything (refs, index, files and status byte for byte as before).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cp,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GitEngine } from '../../../src/main/services/git/engine'
import { isomorphicEngine } from '../../../src/main/services/git/isomorphic/engine'
import { publishWith } from '../../../src/main/services/git/publish'
import { statusIn } from '../../../src/main/services/git/status'
import { systemGitEngine } from '../../../src/main/services/git/system/engine'
import { AppFailure } from '../../../src/shared/result'
import { startGitServer, type GitServer } from '../../support/git-http-server'
import { credentials, post, TOKEN, USER } from './fixtures'

const run = promisify(execFile)
const ENV = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Shape Writer',
  GIT_AUTHOR_EMAIL: 'shape@example.com',
  GIT_COMMITTER_NAME: 'Shape Writer',
  GIT_COMMITTER_EMAIL: 'shape@example.com',
}

/** Native git; `input` goes to its stdin. Returns stdout untrimmed (bytes matter here). */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'protocol.file.allow=always', ...args], {
    cwd,
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}
const gitOk = (cwd: string, ...args: string[]) =>
  git(cwd, ...args).then(
    () => true,
    () => false,
  )

const write = async (dir: string, file: string, text: string | Buffer): Promise<void> => {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await writeFile(path.join(dir, file), text)
}

const HELLO = 'posts/hello.md'
const EDIT = post('Hello', 'Edited on the laptop.\n\nA second paragraph.')

interface ShapeContext {
  tmp: string
  themeBare: string
}

interface Shape {
  name: string
  objectFormat?: 'sha256'
  /** Extra content of the server's first commit (run in the seed clone before it is pushed). */
  seed?(dir: string, ctx: ShapeContext): Promise<void>
  /** The server starts empty. */
  emptyServer?: boolean
  /** Clone with --depth 1. */
  shallow?: boolean
  /** After both laptops are cloned: a commit pushed from another machine. */
  server?(dir: string): Promise<void>
  /** On each laptop after cloning, before the post is edited; returns the folder to publish from. */
  prepare?(dir: string, ctx: ShapeContext): Promise<string | void>
  /** Native git's publish; default `add -A`, commit, `pull --no-rebase`, push. */
  nativeAdd?: string[]
  /** Expected refusal code per engine, when the shape cannot be published. */
  refused?: Partial<Record<GitEngine['name'], string>>
}

const SHAPES: Shape[] = [
  { name: 'plain' },
  {
    name: 'symlinks to a file, a folder, a dangling path and outside the repository',
    async seed(dir) {
      await symlink('hello.md', path.join(dir, 'posts/link-to-file.md'))
      await symlink('posts', path.join(dir, 'posts-link'))
      await symlink('missing.md', path.join(dir, 'posts/dangling.md'))
      await symlink('/proc/self/environ', path.join(dir, 'environ'))
      await symlink('../../../../../etc/hostname', path.join(dir, 'up-and-out'))
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a symlink added locally next to the post',
    async prepare(dir) {
      await symlink('/proc/self/environ', path.join(dir, 'posts/leak.md'))
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a theme submodule',
    async seed(dir, ctx) {
      await git(dir, 'submodule', 'add', '-q', ctx.themeBare, 'themes/ink')
    },
    async prepare(dir) {
      await git(dir, 'submodule', 'update', '--init', '-q')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a theme submodule with local theme commits (never published by Inkpress)',
    async seed(dir, ctx) {
      await git(dir, 'submodule', 'add', '-q', ctx.themeBare, 'themes/ink')
    },
    async prepare(dir) {
      await git(dir, 'submodule', 'update', '--init', '-q')
      await write(dir, 'themes/ink/layout.html', '<main>changed</main>\n')
      await git(path.join(dir, 'themes/ink'), 'commit', '-qam', 'Local theme tweak')
    },
    nativeAdd: ['add', '-A', '--', '.', ':!themes/ink'],
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a nested repository in the work tree',
    async prepare(dir) {
      await write(dir, 'drafts/scratch/idea.md', 'scratch\n')
      await git(path.join(dir, 'drafts/scratch'), 'init', '-q')
    },
    nativeAdd: ['add', '-A', '--', '.', ':!drafts/scratch'],
  },
  {
    name: 'sparse checkout (cone)',
    async seed(dir) {
      await write(dir, 'docs/a.md', 'docs\n')
      await write(dir, 'assets/b.txt', 'asset\n')
    },
    async prepare(dir) {
      await git(dir, 'sparse-checkout', 'set', '--cone', 'posts')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'sparse checkout (non-cone)',
    async seed(dir) {
      await write(dir, 'docs/a.md', 'docs\n')
    },
    async prepare(dir) {
      await git(dir, 'sparse-checkout', 'set', '--no-cone', '/posts/')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'sparse index',
    async seed(dir) {
      await write(dir, 'docs/deep/a.md', 'docs\n')
    },
    async prepare(dir) {
      await git(dir, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'posts')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'skip-worktree with a hidden local edit',
    async prepare(dir) {
      await git(dir, 'update-index', '--skip-worktree', 'posts/second.md')
      await write(dir, 'posts/second.md', 'hidden local edit\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'assume-unchanged with a hidden local edit',
    async prepare(dir) {
      await git(dir, 'update-index', '--assume-unchanged', 'posts/second.md')
      await write(dir, 'posts/second.md', 'hidden local edit\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'split index',
    async prepare(dir) {
      await git(dir, 'config', 'core.splitIndex', 'true')
      await git(dir, 'update-index', '--split-index')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'index version 4 (feature.manyFiles)',
    async prepare(dir) {
      await git(dir, 'config', 'feature.manyFiles', 'true')
      await git(dir, 'update-index', '--index-version', '4')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'SHA-256 object names',
    objectFormat: 'sha256',
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a linked work tree',
    async prepare(dir, ctx) {
      const worktree = path.join(ctx.tmp, `${path.basename(dir)}-worktree`)
      await git(dir, 'checkout', '-q', '--detach')
      await git(dir, 'worktree', 'add', '-q', worktree, 'main')
      return worktree
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: '.gitattributes eol=crlf',
    async seed(dir) {
      await write(dir, '.gitattributes', '*.md text eol=crlf\n')
    },
    async prepare(dir) {
      await write(dir, 'posts/third.md', 'line one\r\nline two\r\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: '.gitattributes text=auto with a CRLF edit',
    async seed(dir) {
      await write(dir, '.gitattributes', '* text=auto\n')
    },
    async prepare(dir) {
      await write(dir, 'posts/second.md', 'Saved by a Windows editor\r\nwith CRLF\r\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a clean/smudge filter (as git-crypt uses)',
    async seed(dir) {
      await write(dir, '.gitattributes', 'secret.txt filter=redact\n')
      await write(dir, 'secret.txt', 'nothing yet\n')
    },
    async prepare(dir) {
      await git(dir, 'config', 'filter.redact.clean', 'sed s/hunter2/REDACTED/')
      await git(dir, 'config', 'filter.redact.smudge', 'cat')
      await write(dir, 'secret.txt', 'password: hunter2\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'core.autocrlf=true',
    async prepare(dir) {
      await git(dir, 'config', 'core.autocrlf', 'true')
      await write(dir, 'posts/second.md', 'Saved with CRLF\r\nline two\r\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'Git LFS pointer files (git-lfs not installed)',
    async seed(dir) {
      await write(dir, '.gitattributes', '*.png filter=lfs diff=lfs merge=lfs -text\n')
      await write(
        dir,
        'static/cover.png',
        'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
      )
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'core.excludesFile hides editor swap files',
    async prepare(dir, ctx) {
      const ignore = path.join(ctx.tmp, 'global-ignore')
      await writeFile(ignore, '*.swp\n')
      await git(dir, 'config', 'core.excludesFile', ignore)
      await write(dir, 'posts/.hello.md.swp', 'swap\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'names: non-UTF-8 bytes, a backslash, spaces, Unicode',
    async seed(dir) {
      await writeFile(Buffer.from(path.join(dir, 'posts/caf\xe9.md'), 'latin1'), 'latin-1 name\n')
      await write(dir, 'posts/back\\slash.md', 'backslash\n')
      await write(dir, 'posts/with space.md', 'space\n')
      await write(dir, 'posts/ünïcödé.md', 'unicode\n')
    },
    async prepare(dir) {
      await write(dir, 'posts/with space.md', 'space, edited\n')
      await write(dir, 'posts/ünïcödé.md', 'unicode, edited\n')
    },
    refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  {
    name: 'a file replaced by a folder and a folder by a file',
    async seed(dir) {
      await write(dir, 'notes', 'a file\n')
      await write(dir, 'media/x.txt', 'in a folder\n')
    },
    async prepare(dir) {
      await rm(path.join(dir, 'notes'))
      await write(dir, 'notes/a.md', 'now a folder\n')
      await rm(path.join(dir, 'media'), { recursive: true })
      await write(dir, 'media', 'now a file\n')
    },
  },
  {
    name: 'the executable bit set locally',
    async seed(dir) {
      await write(dir, 'scripts/deploy.sh', '#!/bin/sh\necho deploy\n')
    },
    async prepare(dir) {
      await run('chmod', ['+x', path.join(dir, 'scripts/deploy.sh')])
    },
  },
  {
    name: "the server's chmod +x while the laptop edits",
    async seed(dir) {
      await write(dir, 'scripts/deploy.sh', '#!/bin/sh\necho deploy\n')
    },
    async server(dir) {
      await run('chmod', ['+x', path.join(dir, 'scripts/deploy.sh')])
      await git(dir, 'commit', '-qam', 'Make deploy executable')
    },
  },
  {
    name: "the server's edit to other lines of a post with a byte-order mark",
    async seed(dir) {
      await write(dir, 'posts/bom.md', '\ufeffFirst paragraph.\n\nMiddle.\n\nLast paragraph.\n')
    },
    async server(dir) {
      await write(
        dir,
        'posts/bom.md',
        '\ufeffFirst, from the server.\n\nMiddle.\n\nLast paragraph.\n',
      )
      await git(dir, 'commit', '-qam', 'Server edit')
    },
    async prepare(dir) {
      await write(
        dir,
        'posts/bom.md',
        '\ufeffFirst paragraph.\n\nMiddle.\n\nLast, from the laptop.\n',
      )
    },
  },
  {
    name: 'a native merge of a side branch waiting to publish while the server moved on',
    async server(dir) {
      await write(dir, 'posts/server.md', post('Server', 'From the server.'))
      await git(dir, 'add', '-A')
      await git(dir, 'commit', '-qm', 'Server post')
    },
    async prepare(dir) {
      await git(dir, 'checkout', '-q', '-b', 'side')
      await write(dir, 'posts/side.md', post('Side', 'From a side branch.'))
      await git(dir, 'add', '-A')
      await git(dir, 'commit', '-qm', 'Side post')
      await git(dir, 'checkout', '-q', 'main')
      await write(dir, 'posts/second.md', post('Second', 'Edited on main.'))
      await git(dir, 'commit', '-qam', 'Main edit')
      await git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side')
    },
  },
  {
    name: 'a native merge in progress with a conflict',
    async prepare(dir) {
      await git(dir, 'checkout', '-q', '-b', 'side')
      await write(dir, 'posts/second.md', 'side version\n')
      await git(dir, 'commit', '-qam', 'Side')
      await git(dir, 'checkout', '-q', 'main')
      await write(dir, 'posts/second.md', 'main version\n')
      await git(dir, 'commit', '-qam', 'Main')
      await gitOk(dir, 'merge', 'side')
    },
    refused: { system: 'OPERATION_IN_PROGRESS', isomorphic: 'UNSUPPORTED_REPOSITORY' },
  },
  { name: 'an empty repository (first publish)', emptyServer: true },
  {
    name: 'a detached HEAD',
    async prepare(dir) {
      await git(dir, 'checkout', '-q', '--detach')
    },
    refused: { system: 'DETACHED_HEAD', isomorphic: 'DETACHED_HEAD' },
  },
  { name: 'a shallow clone', shallow: true, refused: { isomorphic: 'UNSUPPORTED_REPOSITORY' } },
  {
    name: 'no upstream configured',
    async prepare(dir) {
      await git(dir, 'branch', '--unset-upstream')
    },
  },
  {
    name: 'an edit that keeps the size and restores the modification time',
    async prepare(dir) {
      const file = path.join(dir, 'posts/second.md')
      const before = await stat(file)
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.replace('Another', 'AnOTHER'))
      await utimes(file, before.atime, before.mtime)
    },
  },
  {
    name: 'a user.name with angle brackets',
    async prepare(dir) {
      await git(dir, 'config', 'user.name', 'Ann <the writer>')
    },
  },
]

let server: GitServer
let tmp: string
let themeBare: string
let counter = 0

beforeAll(async () => {
  server = await startGitServer({ users: [{ username: USER, token: TOKEN }] })
  tmp = await mkdtemp(path.join(tmpdir(), 'inkpress-shapes-'))
  themeBare = path.join(tmp, 'theme.git')
  const theme = path.join(tmp, 'theme-seed')
  await git(tmp, 'init', '-q', '--initial-branch=main', theme)
  await write(theme, 'layout.html', '<main></main>\n')
  await git(theme, 'add', '-A')
  await git(theme, 'commit', '-qm', 'Theme')
  await git(tmp, 'clone', '-q', '--bare', theme, themeBare)
})
afterAll(async () => {
  await server?.stop()
  await rm(tmp, { recursive: true, force: true })
})

/** Everything a refusal must leave exactly as it was. */
async function snapshot(dir: string): Promise<string> {
  const gitDir = (await git(dir, 'rev-parse', '--absolute-git-dir')).trim()
  const index = await readFile(path.join(gitDir, 'index')).catch(() => Buffer.alloc(0))
  return [
    await git(dir, 'for-each-ref'),
    (await gitOk(dir, 'rev-parse', 'HEAD')) ? await git(dir, 'rev-parse', 'HEAD') : 'no HEAD',
    createHash('sha256').update(index).digest('hex'),
    await git(dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all'),
  ].join('\n')
}

interface Laptops {
  bare: string
  nativeBare: string
  ink: string
  native: string
  serverTipBefore?: string
  laptopTipBefore?: string
}

async function buildShape(shape: Shape): Promise<Laptops> {
  const name = `shape-${++counter}`
  const ctx = { tmp, themeBare }
  const bare = await server.createBareRepo(name, 'main', shape.objectFormat ?? 'sha1')
  if (!shape.emptyServer) {
    const seed = path.join(tmp, `${name}-seed`)
    await git(
      tmp,
      'init',
      '-q',
      '--initial-branch=main',
      `--object-format=${shape.objectFormat ?? 'sha1'}`,
      seed,
    )
    await write(seed, HELLO, post('Hello', 'First post.\n\nA second paragraph.'))
    await write(seed, 'posts/second.md', post('Second', 'Another post.'))
    await shape.seed?.(seed, ctx)
    await git(seed, 'add', '-A')
    await git(seed, 'commit', '-qm', 'Initial posts')
    await git(seed, 'push', '-q', bare, 'main')
  }
  const cloneLaptop = async (label: string): Promise<string> => {
    const dir = path.join(tmp, `${name}-${label}`)
    const source = shape.shallow ? `file://${bare}` : bare
    await git(tmp, 'clone', '-q', ...(shape.shallow ? ['--depth', '1'] : []), source, dir)
    await git(dir, 'config', 'user.name', 'Shape Writer')
    await git(dir, 'config', 'user.email', 'shape@example.com')
    return dir
  }
  let ink = await cloneLaptop('inkpress')
  let native = await cloneLaptop('native')
  if (shape.server) {
    const other = await cloneLaptop('other')
    await shape.server(other)
    await git(other, 'push', '-q', 'origin', 'main')
  }
  ink = (await shape.prepare?.(ink, ctx)) || ink
  native = (await shape.prepare?.(native, ctx)) || native
  for (const dir of [ink, native]) await write(dir, HELLO, EDIT)
  // Inkpress talks to the real HTTP server; native git to a copy of the same server.
  await git(ink, 'remote', 'set-url', 'origin', server.url(name))
  const nativeBare = path.join(tmp, `${name}-native.git`)
  await cp(bare, nativeBare, { recursive: true })
  await git(native, 'remote', 'set-url', 'origin', nativeBare)
  const tip = async (dir: string, ref: string) =>
    (await gitOk(dir, 'rev-parse', '--verify', '-q', ref))
      ? (await git(dir, 'rev-parse', ref)).trim()
      : undefined
  return {
    bare,
    nativeBare,
    ink,
    native,
    serverTipBefore: await tip(bare, 'main'),
    laptopTipBefore: await tip(ink, 'HEAD'),
  }
}

/** What git itself would have published from the same laptop. */
async function publishNatively(shape: Shape, dir: string): Promise<void> {
  await git(dir, ...(shape.nativeAdd ?? ['add', '-A']))
  await git(dir, 'commit', '-qm', 'Native publish')
  if (shape.server) await git(dir, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main')
  await git(dir, 'push', '-q', 'origin', 'HEAD:refs/heads/main')
}

async function judge(laptops: Laptops): Promise<void> {
  const { bare, nativeBare, ink, native } = laptops
  // The same tree as git's own publish: every file byte for byte, modes, links, gitlinks.
  expect(await git(bare, 'rev-parse', 'main^{tree}')).toBe(
    await git(nativeBare, 'rev-parse', 'main^{tree}'),
  )
  await git(bare, 'fsck', '--full', '--strict', '--no-dangling')
  await git(ink, 'fsck', '--full', '--strict', '--no-dangling')
  // The laptop is left as git leaves it: same index entries and flags, same status.
  expect(await git(ink, 'ls-files', '-s', '-v', '-z')).toBe(
    await git(native, 'ls-files', '-s', '-v', '-z'),
  )
  expect(await git(ink, 'status', '--porcelain=v1', '-z', '--untracked-files=all')).toBe(
    await git(native, 'status', '--porcelain=v1', '-z', '--untracked-files=all'),
  )
  expect(await git(ink, 'rev-parse', 'HEAD')).toBe(await git(bare, 'rev-parse', 'main'))
  for (const earlier of [laptops.serverTipBefore, laptops.laptopTipBefore]) {
    if (earlier)
      expect(await gitOk(bare, 'merge-base', '--is-ancestor', earlier, 'main')).toBe(true)
  }
}

const ENGINES: GitEngine[] = [systemGitEngine, isomorphicEngine]

describe.each(ENGINES)('repository shapes with the $name engine', (engine) => {
  it.each(SHAPES.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
    const laptops = await buildShape(shape)
    const repo = engine.open(laptops.ink)
    const refusal = shape.refused?.[engine.name]
    if (refusal) {
      const before = await snapshot(laptops.ink)
      const failure = await publishWith(repo, { credentials }).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failure, 'publishing must be refused').toBeInstanceOf(AppFailure)
      expect((failure as AppFailure).code).toBe(refusal)
      expect(await snapshot(laptops.ink), 'a refusal touches nothing').toBe(before)
      if (laptops.serverTipBefore) {
        expect((await git(laptops.bare, 'rev-parse', 'main')).trim()).toBe(laptops.serverTipBefore)
      }
      return
    }
    const status = await statusIn(repo)
    expect(status.files.map((f) => f.path)).toContain(HELLO)
    await publishWith(repo, { credentials })
    await publishNatively(shape, laptops.native)
    await judge(laptops)
    expect(await statusIn(repo)).toMatchObject({ files: [], conflicts: [], ahead: 0 })
  })
})
