import { watch, type FSWatcher } from 'chokidar'
import path from 'node:path'
import { toRepoRelative } from '../repository/confine-path'

const IGNORED_SEGMENTS = new Set(['.git', 'node_modules'])
const BATCH_DELAY_MS = 150

/**
 * Watches a repository and reports changed repo-relative paths in small batches, so a
 * `git checkout` of many files becomes one event rather than hundreds.
 */
export class RepositoryWatcher {
  private watcher: FSWatcher | null = null
  private pending = new Set<string>()
  private timer: NodeJS.Timeout | null = null

  private reported = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: string[]) => void,
    /** Told once per problem, in words, when part of the repository cannot be watched. */
    private readonly onNotice: (message: string) => void = () => undefined,
  ) {}

  start(): void {
    this.watcher = watch(this.root, {
      ignoreInitial: true,
      ignored: (candidate) =>
        path
          .relative(this.root, candidate)
          .split(path.sep)
          .some((segment) => IGNORED_SEGMENTS.has(segment)),
      awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
      // A link is a post's neighbour, not a way out: `ln -s . self` or a link to /proc must
      // never be walked (ELOOP, or the whole disk).
      followSymlinks: false,
    })
    // Without a handler, one unreadable folder or link loop crashed the host at every start.
    this.watcher.on('error', (error: unknown) => this.report(error))
    const record = (absolute: string) => {
      this.pending.add(toRepoRelative(this.root, absolute))
      this.timer ??= setTimeout(() => this.flush(), BATCH_DELAY_MS)
    }
    this.watcher.on('add', record).on('change', record).on('unlink', record)
  }

  private report(error: unknown): void {
    const { code, path: where } = (error ?? {}) as { code?: string; path?: string }
    const place = where ? toRepoRelative(this.root, where) || where : 'a folder'
    const key = `${code}:${place}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'it cannot be read'
        : code === 'ELOOP'
          ? 'a link loops back on itself'
          : `it could not be watched (${code ?? 'unknown error'})`
    this.onNotice(
      `Changes to ${place} made outside Inkpress are not noticed: ${why}. Everything else is watched as usual.`,
    )
  }

  private flush(): void {
    this.timer = null
    const paths = [...this.pending]
    this.pending.clear()
    if (paths.length > 0) this.onChange(paths)
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    await this.watcher?.close()
    this.watcher = null
  }
}
