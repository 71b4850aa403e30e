/**
 * Publishing one edited post in a repository with 10,000 posts and 1,000 commits:
 * Inkpress (status + commit + push with isomorphic-git) versus native
 * `git add -A && git commit && git push`, each on its own equivalent clone and server
 * repository, pushed over smart HTTP to the local test server.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { getStatus, publish } from '../../src/main/services/git'
import { startGitServer } from '../support/git-http-server'

const execFileAsync = promisify(execFile)
const POSTS = 10_000
const COMMITS = 1_000
const USER = 'bench'
const TOKEN = 'bench-token-5d1f'

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  })
  return stdout.trim()
}

function postText(n: number, revision: number): string {
  return `---\ntitle: Post ${n}\ndate: 2024-01-01\n---\n\nBody of post ${n}, revision ${revision}.\n`
}

/** One fast-import stream: a commit adding every post, then small edits to reach COMMITS. */
function fastImportStream(): string {
  const parts: string[] = []
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`
  let time = 1_700_000_000
  const header = (message: string): string =>
    `commit refs/heads/main\ncommitter Bench <bench@example.com> ${time++} +0000\n${data(message)}`
  parts.push(header('Import posts'))
  for (let n = 0; n < POSTS; n++) {
    parts.push(
      `M 100644 inline posts/post-${String(n).padStart(5, '0')}.md\n${data(postText(n, 0))}`,
    )
  }
  for (let c = 1; c < COMMITS; c++) {
    const n = (c * 37) % POSTS
    parts.push(header(`Edit post ${n}`))
    parts.push(
      `M 100644 inline posts/post-${String(n).padStart(5, '0')}.md\n${data(postText(n, c))}`,
    )
  }
  return parts.join('')
}

async function fastImport(bare: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['--git-dir', bare, 'fast-import', '--quiet'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`fast-import failed: ${stderr}`)),
    )
    child.stdin.end(fastImportStream())
  })
}

async function objectsInServerRepo(bare: string): Promise<number> {
  const out = await git(bare, '--git-dir', bare, 'count-objects', '-v')
  const field = (name: string): number =>
    Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(out)?.[1] ?? 0)
  return field('count') + field('in-pack')
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return Math.round(performance.now() - start)
}

export default async function (): Promise<Record<string, unknown>> {
  const server = await startGitServer({ users: [{ username: USER, token: TOKEN }] })
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkpress-bench-publish-'))
  try {
    const buildStart = performance.now()
    const source = await server.createBareRepo('source')
    await fastImport(source)
    const clones: Record<'native' | 'inkpress', { bare: string; dir: string }> = {
      native: { bare: '', dir: path.join(tmp, 'native') },
      inkpress: { bare: '', dir: path.join(tmp, 'inkpress') },
    }
    for (const name of ['native', 'inkpress'] as const) {
      const bare = server.repoPath(name)
      await git(tmp, 'clone', '-q', '--bare', '--no-local', source, bare)
      await git(tmp, 'clone', '-q', bare, clones[name].dir)
      const dir = clones[name].dir
      await git(dir, 'config', 'user.name', 'Bench Writer')
      await git(dir, 'config', 'user.email', 'bench@example.com')
      const url = server.url(name)
      await git(dir, 'remote', 'set-url', 'origin', url)
      clones[name].bare = bare
    }
    // Native git reads the token from a credential helper, like a writer's setup would.
    await git(
      clones.native.dir,
      'config',
      'credential.helper',
      `!f() { echo username=${USER}; echo password=${TOKEN}; }; f`,
    )
    const buildMs = Math.round(performance.now() - buildStart)

    // Both sides have looked at the repository once (the app shows status on open).
    await git(clones.native.dir, 'status', '--porcelain')
    const warmStatusStart = performance.now()
    await getStatus(clones.inkpress.dir)
    const inkpressFirstStatusMs = Math.round(performance.now() - warmStatusStart)

    const edited = 'posts/post-04242.md'
    const editedText = `${postText(4242, 0)}\nAn edit to publish.\n`
    for (const { dir } of Object.values(clones)) await writeFile(path.join(dir, edited), editedText)

    const nativeBefore = await objectsInServerRepo(clones.native.bare)
    const nativeGitMs = await timed(async () => {
      await git(clones.native.dir, 'add', '-A')
      await git(clones.native.dir, 'commit', '-q', '-m', 'Publish: Post 4242')
      await git(clones.native.dir, 'push', '-q', 'origin', 'main')
    })
    const nativePushedObjects = (await objectsInServerRepo(clones.native.bare)) - nativeBefore

    const inkpressBefore = await objectsInServerRepo(clones.inkpress.bare)
    let changedFiles = 0
    const credentials = { username: USER, token: TOKEN }
    // publish() itself scans the working tree (status), commits and pushes.
    // Where the time goes: milliseconds from each progress phase to the next.
    const phases: Record<string, number> = {}
    let phase = 'start'
    let phaseStart = performance.now()
    const onProgress = (event: { phase: string }): void => {
      if (event.phase === phase) return
      const now = performance.now()
      phases[phase] = Math.round((phases[phase] ?? 0) + now - phaseStart)
      phase = event.phase
      phaseStart = now
    }
    const inkpressMs = await timed(async () => {
      changedFiles = (await publish(clones.inkpress.dir, { credentials, onProgress })).files.length
    })
    const inkpressPushedObjects = (await objectsInServerRepo(clones.inkpress.bare)) - inkpressBefore

    const landed = await git(
      clones.inkpress.bare,
      '--git-dir',
      clones.inkpress.bare,
      'show',
      `main:${edited}`,
    )
    if (!landed.includes('An edit to publish.') || changedFiles !== 1) {
      throw new Error('Inkpress publish did not land the edited post')
    }
    return {
      'publish.inkpressMs': inkpressMs,
      'publish.nativeGitMs': nativeGitMs,
      'publish.ratio': Number((inkpressMs / Math.max(nativeGitMs, 1)).toFixed(2)),
      'publish.inkpressFirstStatusMs': inkpressFirstStatusMs,
      'publish.inkpressPhasesMs': phases,
      'publish.inkpressPushedObjects': inkpressPushedObjects,
      'publish.nativePushedObjects': nativePushedObjects,
      'publish.posts': POSTS,
      'publish.commits': COMMITS,
      'publish.buildMs': buildMs,
    }
  } finally {
    await server.stop()
    await rm(tmp, { recursive: true, force: true })
  }
}
