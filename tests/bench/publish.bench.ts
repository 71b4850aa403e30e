/**
 * Publishing one edited post in a repository with 10,000 posts and 1,000 commits, and cloning
 * that repository: Inkpress with each engine (the system git, isomorphic-git) versus native
 * `git add -A && git commit && git push` and `git clone`, each on its own equivalent clone and
 * server repository, over smart HTTP to the local test server, in the same run; publishing
 * is repeated in rounds (the sides take turns) and each side's median is reported.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import type { GitEngine } from '../../src/main/services/git/engine'
import { isomorphicEngine } from '../../src/main/services/git/isomorphic/engine'
import { publishWith } from '../../src/main/services/git/publish'
import { statusIn } from '../../src/main/services/git/status'
import { systemGitEngine } from '../../src/main/services/git/system/engine'
import { startGitServerProcess } from '../support/git-http-server-process'

const execFileAsync = promisify(execFile)
const POSTS = 10_000
const COMMITS = 1_000
const ROUNDS = 7
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return Math.round(performance.now() - start)
}

const ENGINES: Record<'system' | 'isomorphic', GitEngine> = {
  system: systemGitEngine,
  isomorphic: isomorphicEngine,
}
type Side = 'native' | keyof typeof ENGINES

export default async function (): Promise<Record<string, unknown>> {
  const server = await startGitServerProcess([{ username: USER, token: TOKEN }])
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkpress-bench-publish-'))
  const credentials = { username: USER, token: TOKEN }
  try {
    const buildStart = performance.now()
    const source = await server.createBareRepo('source')
    await fastImport(source)
    const sides: Side[] = ['native', 'system', 'isomorphic']
    const clones = {} as Record<Side, { bare: string; dir: string }>
    for (const name of sides) {
      const bare = server.repoPath(name)
      const dir = path.join(tmp, name)
      await git(tmp, 'clone', '-q', '--bare', '--no-local', source, bare)
      await git(tmp, 'clone', '-q', bare, dir)
      await git(dir, 'config', 'user.name', 'Bench Writer')
      await git(dir, 'config', 'user.email', 'bench@example.com')
      await git(dir, 'remote', 'set-url', 'origin', server.url(name))
      clones[name] = { bare, dir }
    }
    // Native git reads the token from a credential helper, like a writer's setup would.
    const helper = `!f() { echo username=${USER}; echo password=${TOKEN}; }; f`
    await git(clones.native.dir, 'config', 'credential.helper', helper)
    const buildMs = Math.round(performance.now() - buildStart)

    // The app runs one engine, so each engine is measured in a process the other has not
    // grown: isomorphic-git's caches take hundreds of megabytes, and every git run the system
    // engine starts from a process that large costs more. Native git and the system engine
    // take turns first, then isomorphic-git runs on its own.
    await git(clones.native.dir, 'status', '--porcelain')
    const firstStatusMs: Record<string, number> = {}
    const edited = 'posts/post-04242.md'
    const pushed: Record<string, number> = {}
    const rounds: Record<Side, number[]> = { native: [], system: [], isomorphic: [] }
    const phases: Record<string, Record<string, number>> = {}
    const groups: Side[][] = [['native', 'system'], ['isomorphic']]
    for (const group of groups) {
      // Every side has looked at the repository once (the app shows status on open).
      for (const name of group) {
        if (name === 'native') continue
        firstStatusMs[name] = await timed(() => statusIn(ENGINES[name].open(clones[name].dir)))
      }
      // Several rounds, each side publishing the same new edit of one post in turn; the
      // median of each side is reported (one publish is a few hundred milliseconds: noisy).
      for (let round = 1; round <= ROUNDS; round++) {
        const editedText = `${postText(4242, 0)}\nEdit ${round} to publish.\n`
        for (const name of group) {
          const dir = clones[name].dir
          await writeFile(path.join(dir, edited), editedText)
          const before = await objectsInServerRepo(clones[name].bare)
          if (name === 'native') {
            rounds[name].push(
              await timed(async () => {
                await git(dir, 'add', '-A')
                await git(dir, 'commit', '-q', '-m', 'Publish: Post 4242')
                await git(dir, 'push', '-q', 'origin', 'main')
              }),
            )
          } else {
            // Where the time goes: milliseconds from each progress phase to the next.
            const spent: Record<string, number> = {}
            let phase = 'start'
            let phaseStart = performance.now()
            const onProgress = (event: { phase: string }): void => {
              if (event.phase === phase) return
              const now = performance.now()
              spent[phase] = Math.round((spent[phase] ?? 0) + now - phaseStart)
              phase = event.phase
              phaseStart = now
            }
            let files = 0
            rounds[name].push(
              await timed(async () => {
                const outcome = await publishWith(ENGINES[name].open(dir), {
                  credentials,
                  onProgress,
                })
                files = outcome.files.length
              }),
            )
            phases[name] = spent
            const landed = await git(
              clones[name].bare,
              '--git-dir',
              clones[name].bare,
              'show',
              `main:${edited}`,
            )
            if (!landed.includes(`Edit ${round} to publish.`) || files !== 1) {
              throw new Error(`Inkpress (${name}) did not land the edited post`)
            }
          }
          pushed[name] = (await objectsInServerRepo(clones[name].bare)) - before
        }
      }
    }
    const publishMs = Object.fromEntries(
      sides.map((name) => [name, median(rounds[name])]),
    ) as Record<Side, number>

    // Cloning the same 10,000-post repository over the same server.
    const cloneMs: Record<string, number> = {}
    cloneMs.native = await timed(() =>
      git(
        tmp,
        '-c',
        `credential.helper=${helper}`,
        'clone',
        '-q',
        server.url('source'),
        path.join(tmp, 'clone-native'),
      ),
    )
    for (const name of ['system', 'isomorphic'] as const) {
      cloneMs[name] = await timed(() =>
        ENGINES[name].clone(server.url('source'), path.join(tmp, `clone-${name}`), { credentials }),
      )
    }
    const ratio = (a: number, b: number): number => Number((a / Math.max(b, 1)).toFixed(2))
    return {
      'publish.inkpressMs': publishMs.system,
      'publish.nativeGitMs': publishMs.native,
      'publish.ratio': ratio(publishMs.system ?? 0, publishMs.native ?? 0),
      'publish.isomorphicMs': publishMs.isomorphic,
      'publish.isomorphicRatio': ratio(publishMs.isomorphic ?? 0, publishMs.native ?? 0),
      'publish.inkpressFirstStatusMs': firstStatusMs.system,
      'publish.isomorphicFirstStatusMs': firstStatusMs.isomorphic,
      'publish.rounds': ROUNDS,
      'publish.roundsMs': rounds,
      'publish.inkpressPhasesMs': phases.system,
      'publish.isomorphicPhasesMs': phases.isomorphic,
      'publish.inkpressPushedObjects': pushed.system,
      'publish.isomorphicPushedObjects': pushed.isomorphic,
      'publish.nativePushedObjects': pushed.native,
      'clone.inkpressMs': cloneMs.system,
      'clone.nativeGitMs': cloneMs.native,
      'clone.ratio': ratio(cloneMs.system ?? 0, cloneMs.native ?? 0),
      'clone.isomorphicMs': cloneMs.isomorphic,
      'clone.isomorphicRatio': ratio(cloneMs.isomorphic ?? 0, cloneMs.native ?? 0),
      'publish.posts': POSTS,
      'publish.commits': COMMITS,
      'publish.buildMs': buildMs,
    }
  } finally {
    await server.stop()
    await rm(tmp, { recursive: true, force: true })
  }
}
