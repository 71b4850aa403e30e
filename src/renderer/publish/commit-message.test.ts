import { describe, expect, it } from 'vitest'
import { postTitle, suggestedCommitMessage } from './commit-message'

describe('suggestedCommitMessage', () => {
  it('names one post by its front matter title, else its file name', () => {
    const texts: Record<string, string> = {
      'content/posts/a.md': '---\ntitle: "Spring notes"\n---\nBody\n',
      'content/posts/b.md': 'No front matter here.\n',
    }
    const textOf = (path: string) => texts[path]
    expect(suggestedCommitMessage(['content/posts/a.md', 'static/img.png'], textOf)).toBe(
      'Publish: Spring notes',
    )
    expect(suggestedCommitMessage(['content/posts/b.md'], textOf)).toBe('Publish: b')
  })

  it('counts several posts, and files when no post is involved', () => {
    expect(suggestedCommitMessage(['a.md', 'b.md', 'c.markdown'], () => undefined)).toBe(
      'Update 3 posts',
    )
    expect(suggestedCommitMessage(['static/logo.svg'], () => undefined)).toBe(
      'Update static/logo.svg',
    )
    expect(suggestedCommitMessage(['x.png', 'y.png'], () => undefined)).toBe('Update 2 files')
  })

  it('reads TOML titles too and ignores an empty one', () => {
    expect(postTitle('p/toml.md', '+++\ntitle = "From TOML"\n+++\n')).toBe('From TOML')
    expect(postTitle('p/empty-title.md', '---\ntitle: ""\n---\n')).toBe('empty-title')
  })
})
