import { z } from 'zod'
import type { AppError, Result } from '../result'
import type { CallName, EventName } from './channels'
import {
  AbsoluteFolderPath,
  BaseVersion,
  ExternalUrl,
  PostText,
  RepoRelativePath,
  SaveOptions,
} from './schemas'
import type {
  AppInfo,
  GitProgressEvent,
  JournalEntry,
  MenuCommandEvent,
  PostDocument,
  PostsChangedEvent,
  RepositoryInfo,
  RepositoryNoticeEvent,
  SaveInfo,
} from './types'

import { call, returns, type CallSpec } from './call-spec'
import { gitCalls } from './git-calls'
import { libraryCalls } from './library-calls'

/**
 * The whole API between the renderer and the main process. Every host (Electron IPC,
 * the web host, the CLI) serves exactly these calls, validated by these schemas.
 */
export const calls = {
  'app:info': call({ args: z.tuple([]), result: returns<AppInfo>(), summary: 'About this app' }),
  'repo:open': call({
    args: z.tuple([AbsoluteFolderPath]),
    result: returns<RepositoryInfo>(),
    summary: 'Open a blog repository folder',
  }),
  'repo:openSample': call({
    args: z.tuple([]),
    result: returns<RepositoryInfo>(),
    summary: 'Open (creating on first use) a copy of the bundled sample blog',
  }),
  'repo:current': call({
    args: z.tuple([]),
    result: returns<RepositoryInfo | null>(),
    summary: 'The repository that is open now',
  }),
  'repo:recent': call({
    args: z.tuple([]),
    result: returns<string[]>(),
    summary: 'Recently opened folders, newest first',
  }),
  'repo:pickFolder': call({
    args: z.tuple([]),
    result: returns<string | null>(),
    summary: 'Ask the user for a folder with the system dialog',
  }),
  'posts:read': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<PostDocument>(),
    summary: 'Read a post',
  }),
  'posts:save': call({
    args: z.tuple([RepoRelativePath, PostText, BaseVersion, SaveOptions.optional()]),
    result: returns<SaveInfo>(),
    summary: 'Save a post atomically',
  }),
  'shell:openExternal': call({
    args: z.tuple([ExternalUrl]),
    result: returns<void>(),
    summary: 'Open an http(s) or mailto link in the system browser',
  }),
  'journal:write': call({
    args: z.tuple([RepoRelativePath, PostText, BaseVersion]),
    result: returns<{ savedAtMs: number }>(),
    summary: 'Keep an unsaved buffer in the journal (outside the repository)',
  }),
  'journal:list': call({
    args: z.tuple([]),
    result: returns<JournalEntry[]>(),
    summary: 'Unsaved buffers journaled for the open repository, to offer for restore',
  }),
  'journal:discard': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<void>(),
    summary: 'Forget the journaled buffer of a post',
  }),
  ...gitCalls,
  ...libraryCalls,
} satisfies Record<CallName, CallSpec<z.ZodTuple, unknown>>

export type Calls = typeof calls
export type CallArgs<K extends CallName> = z.infer<Calls[K]['args']>
export type CallValue<K extends CallName> = Calls[K]['result']

/** What the main process implements: one handler per call, or it does not compile. */
export type Handlers = { [K in CallName]: (...args: CallArgs<K>) => Promise<CallValue<K>> }

/** What the renderer sees: the same calls, each resolving to a Result value. */
export type Api = { [K in CallName]: (...args: CallArgs<K>) => Promise<Result<CallValue<K>>> }

export interface EventPayloads {
  'posts:changed': PostsChangedEvent
  'repo:notice': RepositoryNoticeEvent
  'git:progress': GitProgressEvent
  'menu:command': MenuCommandEvent
}

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void

export type Unsubscribe = () => void

export type EventSubscriptions = {
  [E in EventName]: (listener: EventListener<E>) => Unsubscribe
}

export type { AppError, Result }
