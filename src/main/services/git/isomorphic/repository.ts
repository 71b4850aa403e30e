import git from 'isomorphic-git'
import fs from 'node:fs'
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import type { HistoryEntry } from '../../../../shared/api/git-types'
import { mergeLines, mergeableText } from '../../../../shared/text-merge'
import { AppFailure } from '../../../../shared/result'
import { resolveAuthor, type Author } from '../author'
import { compareHistories } from '../commit-graph'
import type { ConflictState } from '../conflict-state'
import type { EngineRepository, IntegrationOutcome, WorkingChanges, Upstream } from '../engine'
import { RemoteSession, type RemoteOptions } from '../remote-session'
import { assertHttpRemote } from '../remote-url'
import { assertIsomorphicCanPublish, assertNoUntrackedSymlinks } from './unsupported'

/**
 * A repository worked on through isomorphic-git's public API, for machines without git.
 * `assertPublishable` refuses every repository shape it cannot leave exactly as git would.
 */
export class IsomorphicRepository implements EngineRepository {
  readonly gitdir: string
  /** isomorphic-git's object cache, reused so pack indexes are parsed once. */
  private readonly cache = {}
  /** isomorphic-git's status writes the index back with refreshed file times. */
  readonly scanWritesNothing = false

  constructor(readonly dir: string) {
    this.gitdir = path.join(dir, '.git')
  }

  private get ctx() {
    return { fs, dir: this.dir, gitdir: this.gitdir, cache: this.cache }
  }

  async stateDir(): Promise<string> {
    await this.assertRepository()
    return path.join(this.gitdir, 'inkpress')
  }

  private async assertRepository(): Promise<void> {
    const info = await lstat(this.gitdir).catch(() => undefined)
    if (!info) throw new AppFailure('NOT_A_REPOSITORY', `${this.dir} is not a Git repository.`)
  }

  async assertPublishable(): Promise<void> {
    await this.assertRepository()
    if (await lstat(path.join(this.gitdir, 'index.lock')).catch(() => undefined)) {
      throw new AppFailure(
        'INDEX_LOCKED',
        'Another Git program is using this repository (.git/index.lock exists). Close it and try again; if no Git program is running, delete .git/index.lock.',
      )
    }
    await assertIsomorphicCanPublish(this.dir, this.gitdir)
    await assertNoUntrackedSymlinks(this.dir, (filepath) =>
      git.isIgnored({ ...this.ctx, filepath }),
    )
  }

  assertTransport(url: string): void {
    assertHttpRemote(url)
  }

  async readBlob(commit: string, filepath: string): Promise<Uint8Array | undefined> {
    try {
      return (await git.readBlob({ ...this.ctx, oid: commit, filepath })).blob
    } catch {
      return undefined
    }
  }

  async blobOid(commit: string, filepath: string): Promise<string | undefined> {
    try {
      return (await git.readBlob({ ...this.ctx, oid: commit, filepath })).oid
    } catch {
      return undefined
    }
  }

  async history(filepath: string, limit: number): Promise<HistoryEntry[]> {
    try {
      const commits = await git.log({ ...this.ctx, filepath, ref: 'HEAD', depth: limit })
      return commits.map(({ oid, commit }) => ({
        oid,
        message: commit.message.trim(),
        authorName: commit.author.name,
        authorEmail: commit.author.email,
        timestamp: commit.author.timestamp,
      }))
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') return []
      throw error
    }
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return (await compareHistories(this.ctx, a, b)).mergeBase
  }

  async branch(): Promise<string | undefined> {
    return (await git.currentBranch({ ...this.ctx, fullname: false })) ?? undefined
  }

  async config(key: string): Promise<string | undefined> {
    const value = (await git.getConfig({ ...this.ctx, path: key })) as unknown
    return value === undefined || value === null ? undefined : String(value)
  }

  async resolveRef(ref: string): Promise<string | undefined> {
    try {
      return await git.resolveRef({ ...this.ctx, ref })
    } catch {
      return undefined
    }
  }

  async aheadBehind(
    local: string,
    remote: string | undefined,
  ): Promise<{ ahead: number; behind: number }> {
    const { ahead, behind } = await compareHistories(this.ctx, local, remote)
    return { ahead, behind }
  }

  /**
   * HEAD against the work tree, by content and by mode (statusMatrix ignores a changed
   * executable bit), skipping ignored folders and other repositories' files.
   */
  async workingChanges(only?: Set<string>): Promise<WorkingChanges> {
    const headOid = await this.resolveRef('HEAD')
    const changes: WorkingChanges['changes'] = []
    await git.walk({
      ...this.ctx,
      trees: headOid ? [git.TREE({ ref: headOid }), git.WORKDIR()] : [git.WORKDIR()],
      map: async (filepath, entries) => {
        if (filepath === '.') return true
        const [head, work] = headOid ? entries : [null, entries[0]]
        const [headType, workType] = await Promise.all([head?.type(), work?.type()])
        if (!head && work && (await git.isIgnored({ ...this.ctx, filepath }))) return null
        if (workType === 'tree' && !head && (await this.isRepository(filepath))) return null
        const headFile = headType === 'blob' ? head : null
        const workFile = workType === 'blob' ? work : null
        if (headFile && !workFile) changes.push({ path: filepath, state: 'deleted' })
        else if (!headFile && workFile) changes.push({ path: filepath, state: 'new' })
        else if (headFile && workFile) {
          const [a, b] = await Promise.all([headFile.oid(), workFile.oid()])
          const [modeA, modeB] = await Promise.all([headFile.mode(), workFile.mode()])
          if (a !== b || modeA !== modeB) changes.push({ path: filepath, state: 'modified' })
        }
        return headType === 'tree' || workType === 'tree' ? true : null
      },
    })
    const selected = only ? changes.filter((c) => only.has(c.path)) : changes
    selected.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    return { headOid, changes: selected }
  }

  private async isRepository(folder: string): Promise<boolean> {
    return (await lstat(path.join(this.dir, folder, '.git')).catch(() => undefined)) !== undefined
  }

  async commit(
    changes: WorkingChanges,
    message: string,
    author: Partial<Author> | undefined,
  ): Promise<string> {
    const signature = await resolveAuthor({ ...this.ctx }, author)
    for (const change of changes.changes) {
      if (change.state === 'deleted') {
        await git.remove({ ...this.ctx, filepath: change.path })
        continue
      }
      const info = await lstat(path.join(this.dir, change.path))
      if (info.isSymbolicLink()) {
        throw new AppFailure(
          'UNSUPPORTED_REPOSITORY',
          `${change.path} is a symbolic link, which Inkpress cannot publish without Git. Install Git (git-scm.com) and Inkpress will publish it with it; nothing was changed.`,
        )
      }
    }
    const added = changes.changes.filter((c) => c.state !== 'deleted').map((c) => c.path)
    if (added.length > 0) await git.add({ ...this.ctx, filepath: added })
    return git.commit({ ...this.ctx, message, author: signature })
  }

  async release(): Promise<void> {
    // Nothing outlives an operation here: each network call ends its own session.
  }

  async createRef(ref: string, oid: string): Promise<void> {
    await git.writeRef({ ...this.ctx, ref, value: oid, force: false })
  }

  private session(url: string, options: RemoteOptions): RemoteSession {
    assertHttpRemote(url)
    return new RemoteSession(url, options)
  }

  async fetch(
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string | undefined,
  ): Promise<string | undefined> {
    const session = this.session(upstream.url, options)
    options.onProgress?.({ phase: 'fetch', loaded: 0, detail: 'Checking the server' })
    try {
      const result = await git.fetch({
        ...this.ctx,
        http: session.http,
        onAuth: session.onAuth,
        onMessage: session.onMessage,
        onProgress: session.progress('fetch'),
        remote: upstream.remote,
        ref: upstream.remoteBranch,
        remoteRef: upstream.remoteBranch,
        singleBranch: true,
        tags: false,
      })
      return result.fetchHead ?? undefined
    } catch (error) {
      const code = (error as { code?: string }).code
      // An empty repository on the server has no branch to fetch yet.
      if (code === 'NotFoundError' && /remote|ref/i.test(String(error))) return undefined
      throw session.failure(error, 'Fetching from the server', reassurance)
    }
  }

  async integrate(
    branch: string,
    local: string,
    remote: string,
    conflict: ConflictState | undefined,
  ): Promise<IntegrationOutcome> {
    const { ahead, behind } = await compareHistories(this.ctx, local, remote)
    if (behind === 0) return { integrated: 'none', headOid: local }
    if (ahead === 0) {
      await this.moveTo(branch, local, remote)
      return { integrated: 'fast-forward', headOid: remote }
    }
    const settled = await this.settledTexts(local, remote, conflict)
    let mergeCommit: string
    try {
      const result = await git.merge({
        ...this.ctx,
        ours: branch,
        theirs: remote,
        noUpdateBranch: true,
        abortOnConflict: true,
        author: await resolveAuthor({ ...this.ctx }, undefined),
        message: `Merge the server's changes into ${branch}`,
        // Edits to different lines combine as `git merge-file` would (tested against it). The
        // driver is told only the file's base name, so a file the writer settled against this
        // very server version is recognised by its two texts, and keeps the writer's.
        mergeDriver: ({ contents }) => {
          const [base, ours, theirs] = contents as [string, string, string]
          if (settled.some((s) => s.ours === ours && s.theirs === theirs)) {
            return { cleanMerge: true, mergedText: ours }
          }
          const bytes = [base, ours, theirs].map((t) => new TextEncoder().encode(t))
          const combined = bytes.every((b) => mergeableText(b) != null)
            ? mergeLines(base, ours, theirs)
            : null
          return combined === null
            ? { cleanMerge: false, mergedText: ours }
            : { cleanMerge: true, mergedText: combined }
        },
      })
      mergeCommit = result.oid as string
    } catch (error) {
      const data = error as { code?: string; data?: { filepaths?: string[] } }
      if (data.code === 'MergeConflictError') {
        return { conflicts: [...new Set(data.data?.filepaths ?? [])].sort() }
      }
      if (data.code === 'MergeNotSupportedError') {
        throw new AppFailure(
          'UNSUPPORTED_REPOSITORY',
          "Your commits and the server's cannot be combined without Git (a file was added, deleted or renamed on both sides). Install Git (git-scm.com) and publish again; nothing was changed.",
        )
      }
      throw error
    }
    const merged = await this.combinedFiles(local, remote, mergeCommit)
    await this.moveTo(branch, local, mergeCommit)
    return { integrated: 'merged', headOid: mergeCommit, merged }
  }

  /** Both texts of each path the writer settled against the server version still there. */
  private async settledTexts(
    local: string,
    remote: string,
    conflict: ConflictState | undefined,
  ): Promise<{ ours: string; theirs: string }[]> {
    const texts: { ours: string; theirs: string }[] = []
    for (const [filepath, resolution] of Object.entries(conflict?.resolutions ?? {})) {
      if (((await this.blobOid(remote, filepath)) ?? null) !== resolution.remoteBlob) continue
      const [ours, theirs] = await Promise.all([
        this.readBlob(local, filepath),
        this.readBlob(remote, filepath),
      ])
      if (ours && theirs) {
        texts.push({
          ours: Buffer.from(ours).toString('utf8'),
          theirs: Buffer.from(theirs).toString('utf8'),
        })
      }
    }
    return texts
  }

  /** Files whose merged version is neither side's: both sides' lines were combined. */
  private async combinedFiles(local: string, remote: string, merge: string): Promise<string[]> {
    const combined: string[] = []
    await git.walk({
      ...this.ctx,
      trees: [git.TREE({ ref: local }), git.TREE({ ref: remote }), git.TREE({ ref: merge })],
      map: async (filepath, entries) => {
        const [ours, theirs, result] = entries
        if ((await result?.type()) !== 'blob') return true
        const [a, b, c] = await Promise.all([ours?.oid(), theirs?.oid(), result?.oid()])
        if (a && b && c && c !== a && c !== b) combined.push(filepath)
        return true
      },
    })
    return combined.sort()
  }

  /**
   * Updates the work tree and index to `target` (refusing if a changed file of the writer's
   * would be overwritten), then moves the branch only if it still points at `expected`.
   */
  private async moveTo(branch: string, expected: string, target: string): Promise<void> {
    try {
      await git.checkout({ ...this.ctx, ref: target, noUpdateHead: true, force: false })
    } catch (error) {
      if ((error as { code?: string }).code === 'CheckoutConflictError') {
        const files = (error as { data?: { filepaths?: string[] } }).data?.filepaths ?? []
        throw new AppFailure(
          'CONFLICT',
          `The server changed ${files.join(', ')}, which you also changed here but did not publish. Publish or undo your change, then publish again. Nothing was lost.`,
        )
      }
      throw error
    }
    const current = await this.resolveRef(`refs/heads/${branch}`)
    if (current !== expected) {
      throw new AppFailure(
        'CONFLICT',
        'Another program committed to this repository while Inkpress was publishing. Publish again.',
      )
    }
    await git.writeRef({ ...this.ctx, ref: `refs/heads/${branch}`, value: target, force: true })
  }

  async push(
    oid: string,
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string,
  ): Promise<{ via?: string }> {
    const session = this.session(upstream.url, options)
    try {
      const result = await git.push({
        ...this.ctx,
        http: session.http,
        onAuth: session.onAuth,
        onMessage: session.onMessage,
        onProgress: session.progress('push'),
        remote: upstream.remote,
        ref: oid,
        remoteRef: `refs/heads/${upstream.remoteBranch}`,
        force: false,
      })
      if (!result.ok) {
        throw Object.assign(new Error(result.error ?? 'push refused'), {
          code: 'GitPushError',
          data: { result },
        })
      }
    } catch (error) {
      throw session.failure(error, 'Publishing', reassurance)
    }
    await git.writeRef({ ...this.ctx, ref: upstream.trackingRef, value: oid, force: true })
    return {}
  }
}
