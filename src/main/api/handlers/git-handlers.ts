import type { Handlers } from '../../../shared/api'
import type { CredentialStatus } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import { createCredentialResolver, hostKey } from '../../services/credentials'
import {
  cloneRepository,
  conflictVersions,
  diffFile,
  getStatus,
  initRepository,
  postHistory,
  publish,
  publishingRemoteUrl,
  readFileAtCommit,
  resolveConflict,
} from '../../services/git'
import { resolveInsideRepository } from '../../services/repository/confine-path'
import type { SessionContext } from '../session-context'

type GitCalls = Extract<keyof Handlers, `git:${string}` | `credentials:${string}`>

export function gitHandlers(context: SessionContext): Pick<Handlers, GitCalls> {
  const { store, storage, warning } = context.credentials
  let running: AbortController | null = null
  const root = () => context.requireRepository().root
  /** Git reads and writes working files too: the same confinement as every other call. */
  const inside = async (path: string): Promise<string> => {
    await resolveInsideRepository(root(), path)
    return path
  }
  const resolveCredentials = createCredentialResolver({ store })

  const remoteHost = async (): Promise<string> => {
    const remoteUrl = await publishingRemoteUrl(root())
    if (!remoteUrl)
      throw new AppFailure('NO_REMOTE', 'This repository has no remote to publish to yet.')
    return hostKey(remoteUrl)
  }

  const credentialStatus = async (host: string): Promise<CredentialStatus> => {
    const saved = await store.get(host)
    const note = warning()
    return {
      host,
      username: saved?.username ?? null,
      hasToken: saved !== undefined,
      storage,
      ...(note ? { warning: note } : {}),
    }
  }

  /** One remote operation at a time per session, cancellable from the UI. */
  const withCancellation = async <T>(
    operation: string,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    if (running)
      throw new AppFailure(
        'BUSY',
        'Another publish or clone is still running; wait for it or cancel it.',
      )
    running = new AbortController()
    try {
      return await run(running.signal)
    } finally {
      running = null
      context.emit('git:progress', { operation, phase: 'finished', loaded: 1, total: 1 })
    }
  }

  const progressTo =
    (operation: string) =>
    (event: { phase: string; loaded: number; total?: number; detail?: string }) =>
      context.emit('git:progress', {
        operation,
        phase: event.phase,
        loaded: event.loaded,
        total: event.total ?? null,
        ...(event.detail ? { detail: event.detail } : {}),
      })

  return {
    'git:status': async () => getStatus(root()),
    'git:diff': async (path) => diffFile(root(), await inside(path)),
    'git:publish': async (request) => {
      const paths = request.paths ? await Promise.all(request.paths.map(inside)) : undefined
      return withCancellation('publish', (signal) =>
        publish(root(), {
          ...(request.message ? { message: request.message } : {}),
          ...(paths ? { paths } : {}),
          credentials: resolveCredentials,
          onProgress: progressTo('publish'),
          signal,
        }),
      )
    },
    'git:cancel': async () => {
      running?.abort()
      return running !== null
    },
    'git:history': async (path) => postHistory(root(), await inside(path)),
    'git:readAtCommit': async (oid, path) => readFileAtCommit(root(), oid, await inside(path)),
    'git:conflict': async (path) => conflictVersions(root(), await inside(path)),
    'git:resolveConflict': async (path, resolution) =>
      resolveConflict(root(), await inside(path), resolution),
    'git:init': async () => {
      const current = context.requireRepository()
      if (current.isGitRepository) return current
      await initRepository(current.root)
      return context.openFolder(current.root)
    },
    'git:clone': (url, folder) =>
      withCancellation('clone', async (signal) => {
        await cloneRepository(url, folder, {
          credentials: resolveCredentials,
          onProgress: progressTo('clone'),
          signal,
        })
        return context.openFolder(folder)
      }),
    'credentials:status': async () => {
      const remoteUrl = await publishingRemoteUrl(root())
      return remoteUrl ? credentialStatus(hostKey(remoteUrl)) : null
    },
    'credentials:save': async ({ url, username, token }) => {
      const host = hostKey(url)
      await store.set(host, { username, token })
      return credentialStatus(host)
    },
    'credentials:forget': async () => store.delete(await remoteHost()),
  }
}
