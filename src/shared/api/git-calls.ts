import { z } from 'zod'
import { call, returns } from './call-spec'
import type {
  ConflictVersions,
  CredentialStatus,
  FileDiff,
  GitStatus,
  HistoryEntry,
  PublishOutcome,
} from './git-types'
import { AbsoluteFolderPath, PostText, RepoRelativePath } from './schemas'
import type { RepositoryInfo } from './types'

const CommitMessage = z.string().trim().min(1, 'The commit message is empty.').max(10_000)
const ObjectId = z.string().regex(/^[0-9a-f]{40}$/, 'Not a commit id.')
const HttpsUrl = z
  .string()
  .max(2048)
  .refine(
    (url) => /^(https?:\/\/|git@|ssh:\/\/)/i.test(url),
    'Enter the repository URL (https://…).',
  )

export const PublishRequest = z
  .object({
    message: CommitMessage.optional(),
    /** Only these files; default every changed file. */
    paths: z.array(RepoRelativePath).max(100_000).optional(),
  })
  .strict()

const Resolution = z.union([
  z.literal('mine'),
  z.literal('theirs'),
  z.object({ text: PostText }).strict(),
])

const TokenInput = z
  .object({
    url: HttpsUrl,
    username: z.string().trim().min(1, 'Enter the user name.').max(256),
    token: z.string().min(1, 'Enter the token.').max(4096),
  })
  .strict()

/** Publishing: status, commit and push, history, conflicts, credentials. */
export const gitCalls = {
  'git:status': call({
    args: z.tuple([]),
    result: returns<GitStatus>(),
    summary: 'What will be published',
  }),
  'git:diff': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<FileDiff>(),
    summary: 'A post before and after',
  }),
  'git:publish': call({
    args: z.tuple([PublishRequest]),
    result: returns<PublishOutcome>(),
    summary: 'Commit the changes and push them to the remote',
  }),
  'git:cancel': call({
    args: z.tuple([]),
    result: returns<boolean>(),
    summary: 'Cancel the publish in progress',
  }),
  'git:history': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<HistoryEntry[]>(),
    summary: 'The commits that changed a post',
  }),
  'git:readAtCommit': call({
    args: z.tuple([ObjectId, RepoRelativePath]),
    result: returns<string>(),
    summary: 'A post as it was in a commit',
  }),
  'git:conflict': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<ConflictVersions>(),
    summary: "Both sides of a conflicting post: the writer's and the server's",
  }),
  'git:resolveConflict': call({
    args: z.tuple([RepoRelativePath, Resolution]),
    result: returns<{ remaining: string[] }>(),
    summary: 'Settle a conflicting post with mine, theirs or edited text',
  }),
  'git:init': call({
    args: z.tuple([]),
    result: returns<RepositoryInfo>(),
    summary: 'Make the open folder a Git repository',
  }),
  'git:clone': call({
    args: z.tuple([HttpsUrl, AbsoluteFolderPath]),
    result: returns<RepositoryInfo>(),
    summary: 'Clone a blog from an HTTPS URL into a new folder and open it',
  }),
  'credentials:status': call({
    args: z.tuple([]),
    result: returns<CredentialStatus | null>(),
    summary: "Whether a token is saved for the open repository's remote",
  }),
  'credentials:save': call({
    args: z.tuple([TokenInput]),
    result: returns<CredentialStatus>(),
    summary: 'Remember a user name and token for a Git host',
  }),
  'credentials:forget': call({
    args: z.tuple([]),
    result: returns<void>(),
    summary: "Forget the remote's saved token",
  }),
}
