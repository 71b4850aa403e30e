import { z } from 'zod'

const MAX_PATH_LENGTH = 4096
/** 20 MiB of text is far beyond any post; it bounds what one call can make the main process hold. */
export const MAX_POST_BYTES = 20 * 1024 * 1024

const noNulBytes = (value: string) => !value.includes('\0')

/** A path inside the open repository, forward slashes, never absolute; services confine it again on disk. */
export const RepoRelativePath = z
  .string()
  .min(1, 'A file path is required.')
  .max(MAX_PATH_LENGTH, 'That path is too long.')
  .refine(noNulBytes, 'A path cannot contain a NUL byte.')
  .refine(
    (value) => value !== '.' && value !== './' && !value.endsWith('/'),
    'Name a file, not a folder.',
  )

/** A folder on this computer chosen by the user (Open dialog or typed in browser mode). */
export const AbsoluteFolderPath = z
  .string()
  .min(1, 'A folder path is required.')
  .max(MAX_PATH_LENGTH, 'That path is too long.')
  .refine(noNulBytes, 'A path cannot contain a NUL byte.')

export const PostText = z
  .string()
  .max(MAX_POST_BYTES, 'This post is larger than 20 MB and cannot be saved.')

/** Content hash of the version the editor started from; lets a save notice an edit made on disk. */
export const BaseVersion = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Invalid base version.')
  .nullable()

export const SaveOptions = z
  .object({
    /** Overwrite even if the file changed on disk since it was read. */
    overwriteExternalChanges: z.boolean().optional(),
  })
  .strict()

export const ExternalUrl = z.string().max(8192)
