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

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: string[]) => void,
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
    })
    const record = (absolute: string) => {
      this.pending.add(toRepoRelative(this.root, absolute))
      this.timer ??= setTimeout(() => this.flush(), BATCH_DELAY_MS)
    }
    this.watcher.on('add', record).on('change', record).on('unlink', record)
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
