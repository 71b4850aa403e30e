import { lstat, mkdir, realpath, rm } from 'node:fs/promises'
import path from 'node:path'
import type { HistoryEntry } from '../../../../shared/api/git-types'
import { AppFailure } from '../../../../shared/result'
import type { Author } from '../author'
import type { ConflictState } from '../conflict-state'
import type { EngineRepository, IntegrationOutcome, WorkingChanges, Upstream } from '../engine'
import type { RemoteOptions } from '../remote-session'
import { isSshUrl } from '../remote-url'
import { offerCredentials, type CredentialOffer } from './credential-offer'
import { systemGitFailure } from './errors'
import { parseLog, parsePorcelainV2 } from './porcelain'
import { progressLines } from './progress'
import { runSystemGit, type SystemGitResult } from './run'

const nul = (paths: string[]): string => paths.map((p) => `${p}\0`).join('')

/** A repository worked on through the system git; one instance per open repository. */
export class SystemGitRepository implements EngineRepository {
  private gitDir?: Promise<string>
  private configSnapshot?: Promise<Map<string, string>>
  /** Credentials offered to this operation's network runs, one per address. */
  private readonly offers = new Map<string, Promise<CredentialOffer>>()

  readonly scanWritesNothing = true

  constructor(readonly dir: string) {}

  /** Runs git in the work tree; a non-zero exit is returned, not thrown. */
  private raw(args: string[], extra: Partial<Parameters<typeof runSystemGit>[0]> = {}) {
    return runSystemGit({ args, cwd: this.dir, idleTimeoutMs: 60_000, ...extra }).catch(
      (error: Error) => {
        throw systemGitFailure(error, { action: 'Running git', url: '' })
      },
    )
  }

  /** Runs git and fails with git's own message in plain words when it exits non-zero. */
  private async git(
    args: string[],
    extra: Partial<Parameters<typeof runSystemGit>[0]> = {},
  ): Promise<SystemGitResult> {
    const result = await this.raw(args, extra)
    if (result.exitCode !== 0) throw localFailure(result, args[0] ?? 'git')
    return result
  }

  private async out(args: string[], input?: string): Promise<string> {
    return (await this.git(args, input === undefined ? {} : { input })).stdout.trim()
  }

  /** The repository's git folder; the open folder must be the top of its own work tree. */
  private absoluteGitDir(): Promise<string> {
    this.gitDir ??= (async () => {
      const result = await this.raw(['rev-parse', '--absolute-git-dir', '--show-toplevel'])
      const [gitDir, top] = result.stdout.trim().split('\n')
      const same =
        result.exitCode === 0 &&
        top !== undefined &&
        (await realpath(top).catch(() => top)) === (await realpath(this.dir).catch(() => this.dir))
      if (!same || !gitDir) {
        this.gitDir = undefined
        throw new AppFailure('NOT_A_REPOSITORY', `${this.dir} is not a Git repository.`)
      }
      return gitDir
    })()
    return this.gitDir
  }

  async stateDir(): Promise<string> {
    return path.join(await this.absoluteGitDir(), 'inkpress')
  }

  async assertPublishable(): Promise<void> {
    const gitDir = await this.absoluteGitDir()
    const exists = (name: string) =>
      lstat(path.join(gitDir, name)).then(
        () => true,
        () => false,
      )
    const checks = [
      ['MERGE_HEAD', 'A merge', 'git merge --continue or git merge --abort'],
      ['rebase-merge', 'A rebase', 'git rebase --continue or git rebase --abort'],
      ['rebase-apply', 'A rebase', 'git rebase --continue or git rebase --abort'],
      ['CHERRY_PICK_HEAD', 'A cherry-pick', 'git cherry-pick --continue or --abort'],
      ['REVERT_HEAD', 'A revert', 'git revert --continue or --abort'],
    ] as const
    const [locked, ...inProgress] = await Promise.all([
      exists('index.lock'),
      ...checks.map(([file]) => exists(file)),
    ])
    if (locked) {
      throw new AppFailure(
        'INDEX_LOCKED',
        'Another Git program is using this repository (.git/index.lock exists). Close it and try again; if no Git program is running, delete .git/index.lock.',
      )
    }
    const found = checks.find((_, i) => inProgress[i])
    if (found) {
      const [, what, finish] = found
      throw new AppFailure(
        'OPERATION_IN_PROGRESS',
        `${what} started by another Git program is not finished in this repository. Finish it there (${finish}), then publish again.`,
      )
    }
  }

  assertTransport(): void {
    // The system git reaches every remote the user's own git can (HTTPS, SSH, file).
  }

  private async porcelain() {
    const result = await this.git([
      'status',
      '--porcelain=v2',
      '-z',
      '--branch',
      '--untracked-files=all',
      // A submodule's own changes are not looked at; a staged new commit of it is reported.
      '--ignore-submodules=dirty',
    ])
    return parsePorcelainV2(result.stdout)
  }

  async readBlob(commit: string, filepath: string): Promise<Uint8Array | undefined> {
    const result = await this.raw(['cat-file', 'blob', `${commit}:${filepath}`])
    return result.exitCode === 0 ? result.stdoutBytes : undefined
  }

  async blobOid(commit: string, filepath: string): Promise<string | undefined> {
    const result = await this.raw(['rev-parse', '--verify', '--quiet', `${commit}:${filepath}`])
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  async history(filepath: string, limit: number): Promise<HistoryEntry[]> {
    if (!(await this.resolveRef('HEAD'))) return []
    const result = await this.git([
      'log',
      '-z',
      `-n${limit}`,
      '--format=%H%x00%an%x00%ae%x00%at%x00%B',
      'HEAD',
      '--',
      filepath,
    ])
    return parseLog(result.stdout)
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.raw(['merge-base', a, b])
    return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined
  }

  async branch(): Promise<string | undefined> {
    const result = await this.raw(['symbolic-ref', '--quiet', '--short', 'HEAD'])
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  /**
   * One read of git's whole configuration per repository object (one operation), instead of
   * a git run per key: `--list -z` prints `key\nvalue\0`, later values overriding earlier.
   */
  private configuration(): Promise<Map<string, string>> {
    this.configSnapshot ??= this.raw(['config', '--list', '-z']).then((result) => {
      const values = new Map<string, string>()
      if (result.exitCode !== 0) return values
      for (const entry of result.stdout.split('\0')) {
        const newline = entry.indexOf('\n')
        if (newline > 0) values.set(entry.slice(0, newline), entry.slice(newline + 1))
      }
      return values
    })
    return this.configSnapshot
  }

  async config(key: string): Promise<string | undefined> {
    // Section and variable names are case-insensitive (printed in lower case); a subsection
    // such as a branch name is not.
    const parts = key.split('.')
    const section = (parts.shift() ?? '').toLowerCase()
    const name = (parts.pop() ?? '').toLowerCase()
    const canonical = [section, ...(parts.length ? [parts.join('.')] : []), name].join('.')
    return (await this.configuration()).get(canonical) || undefined
  }

  async resolveRef(ref: string): Promise<string | undefined> {
    const result = await this.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  async aheadBehind(
    local: string,
    remote: string | undefined,
  ): Promise<{ ahead: number; behind: number }> {
    if (!remote) {
      return { ahead: Number(await this.out(['rev-list', '--count', local])), behind: 0 }
    }
    const counts = await this.out(['rev-list', '--left-right', '--count', `${local}...${remote}`])
    const [ahead, behind] = counts.split(/\s+/).map(Number)
    return { ahead: ahead ?? 0, behind: behind ?? 0 }
  }

  async workingChanges(only?: Set<string>): Promise<WorkingChanges> {
    const scan = await this.porcelain()
    const changes = only ? scan.changes.filter((c) => only.has(c.path)) : scan.changes
    return { headOid: scan.headOid, changes, unmerged: scan.unmerged, staged: scan.staged }
  }

  /** Identity flags only when git has none of its own (git's own config always wins). */
  private async identity(author: Partial<Author> | undefined): Promise<string[]> {
    if (!author?.name) {
      const configured = (await this.config('user.name')) && (await this.config('user.email'))
      if (configured) return []
      // Git may still know one from GIT_COMMITTER_* or the system.
      const known = await this.raw(['var', 'GIT_COMMITTER_IDENT'])
      if (known.exitCode === 0) return []
    }
    const name = author?.name ?? (await this.config('user.name'))
    const email = author?.email ?? (await this.config('user.email'))
    if (!name || !email) {
      throw new AppFailure(
        'INVALID_ARGUMENT',
        'Inkpress needs your name and email to sign the commit. Set them with git config user.name and user.email.',
      )
    }
    return ['-c', `user.name=${name}`, '-c', `user.email=${email}`]
  }

  /**
   * Commits exactly the ticked paths (hooks, signing and identity as the user set them). When
   * another tool staged something else, the ticked paths are copied into a temporary index
   * built from HEAD and `git commit` runs on that: what `commit --only` does, without its
   * failure when a file became a folder or a folder a file.
   */
  async commit(
    changes: WorkingChanges,
    message: string,
    author: Partial<Author> | undefined,
  ): Promise<string> {
    const paths = changes.changes.map((c) => c.path)
    const identity = await this.identity(author)
    await this.git(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      input: nul(paths),
    })
    const ticked = new Set(paths)
    // Usually nothing else is staged: then the index itself is what the writer ticked.
    const stagedPaths =
      changes.staged ??
      (await this.git(['diff', '--cached', '--name-only', '--no-renames', '-z'])).stdout
        .split('\0')
        .filter(Boolean)
    if (stagedPaths.every((p) => ticked.has(p))) {
      const result = await this.raw([...identity, 'commit', '--no-edit', '--quiet', '-m', message])
      if (result.exitCode !== 0) throw commitFailure(result)
      return this.out(['rev-parse', 'HEAD'])
    }
    const staged = await this.git(['ls-files', '-s', '-z'])
    const stateDir = await this.stateDir()
    await mkdir(stateDir, { recursive: true })
    const env = { GIT_INDEX_FILE: path.join(stateDir, `commit-index-${process.pid}`) }
    try {
      const head = await this.resolveRef('HEAD')
      await this.git(head ? ['read-tree', head] : ['read-tree', '--empty'], { env })
      // Removals first, so a file can give way to a folder of the same name and back.
      const removals = paths.map((p) => `0 ${'0'.repeat(head?.length ?? 40)}\t${p}\0`)
      const additions = staged.stdout
        .split('\0')
        .filter((entry) => ticked.has(entry.slice(entry.indexOf('\t') + 1)))
        .map((entry) => {
          const tab = entry.indexOf('\t')
          const [mode, oid] = entry.slice(0, tab).split(' ')
          return `${mode} ${oid}\t${entry.slice(tab + 1)}\0`
        })
      await this.git(['update-index', '-z', '--index-info'], {
        env,
        input: removals.join('') + additions.join(''),
      })
      const result = await this.raw(
        [...identity, 'commit', '--no-edit', '--quiet', '-m', message],
        {
          env,
        },
      )
      if (result.exitCode !== 0) throw commitFailure(result)
    } finally {
      await rm(env.GIT_INDEX_FILE, { force: true })
    }
    return this.out(['rev-parse', 'HEAD'])
  }

  async createRef(ref: string, oid: string): Promise<void> {
    await this.git(['update-ref', '-m', 'inkpress: keep the writer’s commits', ref, oid, ''])
  }

  private network(
    options: RemoteOptions,
    phase: 'fetch' | 'push',
  ): Pick<Parameters<typeof runSystemGit>[0], 'signal' | 'idleTimeoutMs' | 'onStderrLine'> {
    return {
      signal: options.signal,
      idleTimeoutMs: options.timeoutMs ?? 300_000,
      onStderrLine: progressLines(phase, options.onProgress),
    }
  }

  /** Runs a network command with Inkpress's credentials offered to git (credential-offer.ts). */
  private async remote(
    args: string[],
    options: RemoteOptions,
    phase: 'fetch' | 'push',
    context: { action: string; url: string; reassurance?: string },
  ): Promise<SystemGitResult> {
    const network = this.network(options, phase)
    let offering = this.offers.get(context.url)
    if (!offering) {
      offering = offerCredentials(
        context.url,
        options.credentials,
        network.idleTimeoutMs ?? 300_000,
      )
      this.offers.set(context.url, offering)
    }
    const offer = await offering
    const result = await runSystemGit({
      args,
      cwd: this.dir,
      config: offer.config,
      env: offer.env,
      ...network,
    }).catch((error: Error) => {
      throw systemGitFailure(error, { ...context, secrets: offer.secrets })
    })
    if (result.exitCode !== 0) {
      throw systemGitFailure(result, { ...context, secrets: offer.secrets })
    }
    return result
  }

  /** Ends what this operation handed to git (the credentials for its network runs). */
  async release(): Promise<void> {
    const offers = [...this.offers.values()]
    this.offers.clear()
    await Promise.all(offers.map(async (offer) => (await offer.catch(() => undefined))?.close()))
  }

  async fetch(
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string | undefined,
  ): Promise<string | undefined> {
    options.onProgress?.({ phase: 'fetch', loaded: 0, detail: 'Checking the server' })
    try {
      await this.remote(
        [
          'fetch',
          '--no-tags',
          '--no-write-fetch-head',
          '--progress',
          upstream.remote,
          `+refs/heads/${upstream.remoteBranch}:${upstream.trackingRef}`,
        ],
        options,
        'fetch',
        { action: 'Fetching from the server', url: upstream.url, reassurance },
      )
    } catch (error) {
      // An empty repository on the server has no branch to fetch yet.
      if (/couldn't find remote ref/.test((error as Error).message)) {
        return undefined
      }
      throw error
    }
    return this.resolveRef(upstream.trackingRef)
  }

  async integrate(
    branch: string,
    local: string,
    remote: string,
    conflict: ConflictState | undefined,
  ): Promise<IntegrationOutcome> {
    if (remote === local) return { integrated: 'none', headOid: local }
    const { ahead, behind } = await this.aheadBehind(local, remote)
    if (behind === 0) return { integrated: 'none', headOid: local }
    if (ahead === 0) {
      await this.fastForward(remote)
      return { integrated: 'fast-forward', headOid: remote }
    }
    // merge-tree merges over the real merge base(s), as `git merge` would, without touching
    // the work tree; the result becomes a merge commit that the branch then fast-forwards to.
    const merged = await this.raw([
      'merge-tree',
      '--write-tree',
      '-z',
      '--name-only',
      '--no-messages',
      local,
      remote,
    ])
    if (merged.exitCode > 1) throw localFailure(merged, 'merge-tree')
    const [tree = '', ...rest] = merged.stdout.split('\0')
    const conflicted = [...new Set(rest.filter(Boolean))].sort()
    let finalTree = tree
    if (conflicted.length > 0) {
      const settled = await this.settledByWriter(conflicted, remote, conflict)
      const open = conflicted.filter((p) => !settled.has(p))
      if (open.length > 0) return { conflicts: open }
      finalTree = await this.treeWithLocalVersions(tree, local, conflicted)
    }
    const commit = await this.out([
      ...(await this.identity(undefined)),
      'commit-tree',
      finalTree,
      '-p',
      local,
      '-p',
      remote,
      '-m',
      `Merge the server's changes into ${branch}`,
    ])
    await this.fastForward(commit)
    const combined = await this.changedOnBothSides(local, remote)
    return {
      integrated: 'merged',
      headOid: commit,
      merged: combined.filter((p) => !conflicted.includes(p)),
    }
  }

  /** Paths both sides changed since their merge base (git combined their lines). */
  private async changedOnBothSides(local: string, remote: string): Promise<string[]> {
    const base = await this.mergeBase(local, remote)
    if (!base) return []
    const changed = async (tip: string) =>
      new Set(
        (await this.git(['diff', '--name-only', '-z', '--no-renames', base, tip])).stdout
          .split('\0')
          .filter(Boolean),
      )
    const [ours, theirs] = await Promise.all([changed(local), changed(remote)])
    return [...ours].filter((p) => theirs.has(p)).sort()
  }

  /** Paths the writer resolved against exactly the server version now on the server. */
  private async settledByWriter(
    paths: string[],
    remote: string,
    conflict: ConflictState | undefined,
  ): Promise<Set<string>> {
    const settled = new Set<string>()
    if (!conflict) return settled
    for (const filepath of paths) {
      const resolution = conflict.resolutions[filepath]
      if (!resolution) continue
      const remoteBlob = (await this.blobOid(remote, filepath)) ?? null
      if (remoteBlob === resolution.remoteBlob) settled.add(filepath)
    }
    return settled
  }

  /** `tree` with `paths` as they are in `commit` (the writer's resolution, already committed). */
  private async treeWithLocalVersions(
    tree: string,
    commit: string,
    paths: string[],
  ): Promise<string> {
    const indexFile = path.join(await this.stateDir(), `merge-index-${process.pid}`)
    await mkdir(path.dirname(indexFile), { recursive: true })
    const env = { GIT_INDEX_FILE: indexFile }
    try {
      await this.git(['read-tree', tree], { env })
      const listed = await this.git(['ls-tree', '-z', commit, '--', ...paths])
      const present = new Map<string, string>()
      for (const entry of listed.stdout.split('\0').filter(Boolean)) {
        const tab = entry.indexOf('\t')
        const [mode, , oid] = entry.slice(0, tab).split(' ')
        present.set(entry.slice(tab + 1), `${mode} ${oid}`)
      }
      const lines = paths.map(
        (p) => `${present.get(p) ?? '0 0000000000000000000000000000000000000000'}\t${p}\0`,
      )
      await this.git(['update-index', '-z', '--index-info'], { env, input: lines.join('') })
      return (await this.git(['write-tree'], { env })).stdout.trim()
    } finally {
      await rm(indexFile, { force: true })
    }
  }

  /**
   * Moves the branch, index and work tree to `target`, a descendant of HEAD, with git's own
   * checks: a file the writer changed but did not publish is never overwritten, and the
   * branch moves only if it still holds the commit it was built on.
   */
  private async fastForward(target: string): Promise<void> {
    const result = await this.raw(['merge', '--ff-only', '--no-edit', '--quiet', target])
    if (result.exitCode === 0) return
    const blocked = /would be overwritten by merge:\s*\n((?:\s+.+\n)+)/.exec(result.stderr)
    if (blocked) {
      const files = (blocked[1] ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
      throw new AppFailure(
        'CONFLICT',
        `The server changed ${files.join(', ')}, which you also changed here but did not publish. Publish or undo your change to ${files.length === 1 ? 'it' : 'them'}, then publish again. Nothing was lost.`,
      )
    }
    throw localFailure(result, 'merge')
  }

  async push(
    oid: string,
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string,
  ): Promise<{ via?: string }> {
    await this.remote(
      [
        'push',
        '--porcelain',
        '--progress',
        upstream.remote,
        `${oid}:refs/heads/${upstream.remoteBranch}`,
      ],
      options,
      'push',
      { action: 'Publishing', url: upstream.url, reassurance },
    )
    // Git updates the remote-tracking ref itself when the remote's fetch rule maps the branch
    // there (every clone's default); otherwise Inkpress does.
    const standardRule = `+refs/heads/*:refs/remotes/${upstream.remote}/*`
    const updatedByGit =
      (await this.config(`remote.${upstream.remote}.fetch`)) === standardRule &&
      upstream.trackingRef === `refs/remotes/${upstream.remote}/${upstream.remoteBranch}`
    if (!updatedByGit) {
      await this.git(['update-ref', '-m', 'inkpress: published', upstream.trackingRef, oid])
    }
    return isSshUrl(upstream.url) ? { via: 'Pushed with the system git over SSH' } : {}
  }
}

/** A local git command failed: git's own reason, in one sentence. */
function localFailure(result: SystemGitResult, command: string): AppFailure {
  const reason =
    result.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^(fatal|error):/.test(l))
      .pop()
      ?.replace(/^(fatal|error):\s*/, '') ?? result.stderr.trim().split('\n').pop()
  if (/index\.lock': File exists/.test(result.stderr)) {
    return new AppFailure(
      'INDEX_LOCKED',
      'Another Git program is using this repository (.git/index.lock exists). Close it and try again; if no Git program is running, delete .git/index.lock.',
    )
  }
  return new AppFailure('INTERNAL', `git ${command} failed: ${reason || 'no message'}.`)
}

/** A refused commit: a hook's own words, or git's. */
function commitFailure(result: SystemGitResult): AppFailure {
  const lines = (result.stdout + '\n' + result.stderr)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (/Please tell me who you are|empty ident|unable to auto-detect email/.test(result.stderr)) {
    return new AppFailure(
      'INVALID_ARGUMENT',
      'Inkpress needs your name and email to sign the commit. Set them with git config user.name and user.email.',
    )
  }
  if (lines.some((l) => /^fatal:/.test(l))) {
    return localFailure(result, 'commit')
  }
  return new AppFailure(
    'COMMIT_REFUSED',
    `The repository's commit hook refused the commit: ${lines.slice(-5).join(' ') || 'no reason given'}. Your edits are unchanged; fix what it names, then publish again.`,
  )
}
