import type { SiteGenerator, SiteInfo } from '../../shared/posts'

export const GENERATOR_NAMES: Record<SiteGenerator, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  astro: 'Astro',
  hexo: 'Hexo',
  eleventy: 'Eleventy',
  plain: 'Plain Markdown',
}

/** "Hugo site (hugo.toml)", or "Plain Markdown folder" when nothing was recognised. */
export function siteLabel(site: SiteInfo): string {
  if (site.generator === 'plain') return 'Plain Markdown folder'
  const from = site.detectedFrom ? ` (${site.detectedFrom})` : ''
  return `${GENERATOR_NAMES[site.generator]} site${from}`
}
