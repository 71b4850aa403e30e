import { z } from 'zod'
import type { PostSummary } from '../posts/post'
import { SITE_GENERATORS, type SiteInfo } from '../posts/site-info'
import { call, returns } from './call-spec'
import { RepoRelativePath } from './schemas'

const PostTitle = z
  .string()
  .trim()
  .min(1, 'Give the post a title.')
  .max(300, 'That title is too long.')
const Slug = z
  .string()
  .trim()
  .min(1, 'Give the post a file name.')
  .max(200, 'That file name is too long.')
  .regex(/^[^/\\\0]+$/, 'A file name cannot contain slashes.')

/** 20 MiB of image as base64. */
const MAX_IMAGE_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4

const PastedImage = z
  .object({
    name: z.string().max(255, 'That file name is too long.'),
    type: z.string().max(100),
    dataBase64: z
      .string()
      .max(MAX_IMAGE_BASE64, 'Images must be at most 20 MB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image data is not base64.'),
  })
  .strict()

/** The site and its posts as the generator sees them: index, new, rename, duplicate, delete. */
export const libraryCalls = {
  'site:info': call({
    args: z.tuple([]),
    result: returns<SiteInfo>(),
    summary: 'The detected (or chosen) site generator, title, description and summary length',
  }),
  'site:setGenerator': call({
    args: z.tuple([z.enum(SITE_GENERATORS).nullable()]),
    result: returns<SiteInfo>(),
    summary: 'Override the detected generator for this repository (null: detect again)',
  }),
  'posts:list': call({
    args: z.tuple([]),
    result: returns<PostSummary[]>(),
    summary: 'The posts of the open repository, newest first, with their excerpts',
  }),
  'posts:create': call({
    args: z.tuple([PostTitle]),
    result: returns<{ path: string }>(),
    summary: "Create a post with the generator's conventions",
  }),
  'posts:rename': call({
    args: z.tuple([RepoRelativePath, Slug]),
    result: returns<{ path: string }>(),
    summary: 'Give a post a new file name (slug)',
  }),
  'posts:duplicate': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<{ path: string }>(),
    summary: 'Copy a post as a new draft',
  }),
  'posts:delete': call({
    args: z.tuple([RepoRelativePath]),
    result: returns<void>(),
    summary: 'Delete a post',
  }),
  'assets:saveImage': call({
    args: z.tuple([RepoRelativePath, PastedImage]),
    result: returns<{ repoPath: string; link: string }>(),
    summary:
      "Store a pasted or dropped image where the site expects it; returns the post's link to it",
  }),
}
