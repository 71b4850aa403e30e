import type { SiteGenerator, SiteInfo } from './site-info'

/**
 * Where each generator serves files from at the site root: a link `/images/a.png` on the
 * published site is the repository file `<folder>/images/a.png`.
 */
const STATIC_ROOT: Record<SiteGenerator, string> = {
  hugo: 'static',
  jekyll: '',
  astro: 'public',
  hexo: 'source',
  eleventy: '',
  plain: '',
}

export const staticRootOf = (site: Pick<SiteInfo, 'generator'>): string =>
  STATIC_ROOT[site.generator]

const decodeOrKeep = (text: string): string => {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}

const parentFolder = (path: string) => path.split('/').slice(0, -1).join('/')

/** Joins and normalises `/`-separated segments; `..` above the root is dropped, never kept. */
function normalise(segments: string[]): string {
  const out: string[] = []
  for (const part of segments) {
    if (part === '..') out.pop()
    else if (part && part !== '.') out.push(part)
  }
  return out.join('/')
}

/**
 * The repository file a link in a post points at, as the published site would resolve it,
 * or null for links to other sites.
 */
export function linkTargetInRepository(
  site: Pick<SiteInfo, 'generator'>,
  postPath: string,
  link: string,
): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') || link.startsWith('#'))
    return null
  const path = decodeOrKeep(link.split(/[?#]/)[0] ?? '')
  if (path.startsWith('/')) return normalise([...staticRootOf(site).split('/'), ...path.split('/')])
  return normalise([...parentFolder(postPath).split('/'), ...path.split('/')])
}

const isPageBundle = (postPath: string) => /(^|\/)_?index\.(md|markdown|mdx)$/i.test(postPath)

/**
 * Where a new image for a post goes, and the link that works both on the published site and
 * in the preview: next to the post in a Hugo page bundle, else the generator's static folder.
 */
export function imagePlacement(
  site: Pick<SiteInfo, 'generator'>,
  postPath: string,
  fileName: string,
): { repoPath: string; link: string } {
  if (
    (site.generator === 'hugo' && isPageBundle(postPath)) ||
    site.generator === 'plain' ||
    site.generator === 'eleventy'
  ) {
    const folder =
      site.generator === 'hugo'
        ? parentFolder(postPath)
        : normalise([parentFolder(postPath), 'images'])
    const repoPath = normalise([folder, fileName])
    return { repoPath, link: site.generator === 'hugo' ? fileName : `images/${fileName}` }
  }
  const webFolder = site.generator === 'jekyll' ? 'assets/images' : 'images'
  return {
    repoPath: normalise([...staticRootOf(site).split('/'), ...webFolder.split('/'), fileName]),
    link: `/${webFolder}/${fileName}`,
  }
}
