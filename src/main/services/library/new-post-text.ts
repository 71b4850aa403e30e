import { stringify as yamlString } from 'yaml'
import type { SiteInfo } from '../../../shared/posts'

/** Front matter for a new post, following each generator's own `new` command. */
export function newPostText(site: SiteInfo, title: string, now: Date): string {
  const day = localDay(now)
  switch (site.generator) {
    case 'hugo':
      return site.frontMatterFormat === 'toml'
        ? `+++\ntitle = ${JSON.stringify(title)}\ndate = ${localDateTime(now, 'T')}\ndraft = true\n+++\n\n`
        : yaml({ title, date: localDateTime(now, 'T'), draft: true })
    case 'jekyll':
      return yaml({
        layout: 'post',
        title,
        date: `${localDateTime(now, ' ').replace(/([+-]\d{2}):(\d{2})$/, ' $1$2')}`,
      })
    case 'hexo':
      return yaml({ title, date: `${day} ${localTime(now)}`, tags: [] })
    case 'astro':
      return yaml({ title, description: '', pubDate: day })
    case 'eleventy':
      return yaml({ title, date: day, tags: ['posts'] })
    case 'plain':
      return yaml({ title, date: day })
  }
}

/** Repo-relative folder and file name stem for a new post. */
export function newPostLocation(
  site: SiteInfo,
  slug: string,
  now: Date,
): { dir: string; stem: string } {
  const dir = site.contentDirs.find((d) => !/(^|\/)_drafts$/.test(d)) ?? ''
  switch (site.generator) {
    case 'jekyll':
      return { dir: '_posts', stem: `${localDay(now)}-${slug}` }
    case 'hexo':
      return {
        dir: site.contentDirs.find((d) => d.endsWith('_posts')) ?? 'source/_posts',
        stem: slug,
      }
    default:
      return { dir, stem: slug }
  }
}

function yaml(fields: Record<string, unknown>): string {
  return `---\n${yamlString(fields, { lineWidth: 0 })}---\n\n`
}

const pad = (n: number): string => String(n).padStart(2, '0')

function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

function localDateTime(date: Date, separator: 'T' | ' '): string {
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${localDay(date)}${separator}${localTime(date)}${zone}`
}
