import { readFile } from 'node:fs/promises'
import path from 'node:path'

const POST_EXTENSIONS = /\.(md|markdown|mdx)$/i

/** The `title` from YAML (---) or TOML (+++) front matter, if the text has one. */
export function titleFromFrontMatter(text: string): string | undefined {
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const toml = yaml ? undefined : /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+/.exec(text)
  const block = yaml?.[1] ?? toml?.[1]
  if (!block) return undefined
  const line = (yaml ? /^title\s*:\s*(.+)$/m : /^title\s*=\s*(.+)$/m).exec(block)
  const raw = line?.[1]?.trim()
  if (!raw) return undefined
  const unquoted = /^(["'])(.*)\1$/.exec(raw)?.[2] ?? raw
  return unquoted.trim() || undefined
}

function fileTitle(filepath: string): string {
  return path.posix.basename(filepath).replace(/\.[^.]+$/, '')
}

export async function titleOfPost(repoRoot: string, filepath: string): Promise<string> {
  try {
    const text = await readFile(path.join(repoRoot, filepath), 'utf8')
    return titleFromFrontMatter(text) ?? fileTitle(filepath)
  } catch {
    return fileTitle(filepath)
  }
}

/**
 * "Publish: <title>" when one post changes (its images may come along),
 * "Update N posts" for several, "Update N files" when no post is involved.
 */
export async function generateCommitMessage(repoRoot: string, paths: string[]): Promise<string> {
  const posts = paths.filter((p) => POST_EXTENSIONS.test(p))
  if (posts.length === 1) return `Publish: ${await titleOfPost(repoRoot, posts[0] as string)}`
  if (posts.length > 1) return `Update ${posts.length} posts`
  return paths.length === 1 ? `Update ${paths[0]}` : `Update ${paths.length} files`
}
