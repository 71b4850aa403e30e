import { parseFrontMatter } from '../../shared/frontmatter'

const POST_EXTENSIONS = /\.(md|markdown|mdx)$/i

export const isPost = (path: string): boolean => POST_EXTENSIONS.test(path)

const fileName = (path: string): string => (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '')

/** The post's front matter title, else its file name (as the publish service does). */
export function postTitle(path: string, text: string | undefined): string {
  const title = text === undefined ? undefined : parseFrontMatter(text).data.title
  return typeof title === 'string' && title.trim() ? title.trim() : fileName(path)
}

/**
 * The message Publish suggests: "Publish: <title>" for one post (its images may come
 * along), "Update N posts" for several, "Update N files" when no post is involved.
 */
export function suggestedCommitMessage(
  paths: string[],
  textOf: (path: string) => string | undefined,
): string {
  const posts = paths.filter(isPost)
  const [only] = posts
  if (posts.length === 1 && only !== undefined) return `Publish: ${postTitle(only, textOf(only))}`
  if (posts.length > 1) return `Update ${posts.length} posts`
  return paths.length === 1 ? `Update ${paths[0]}` : `Update ${paths.length} files`
}
