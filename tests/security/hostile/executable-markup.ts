import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'

/** Elements that run code, load documents, change where the page points, or post data. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'form',
  'style',
  'template',
  'noscript',
  'portal',
  'isindex',
  'keygen',
])

/** Attributes whose value is fetched or followed as a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'xlinkHref',
  'action',
  'formAction',
  'poster',
  'data',
  'background',
  'cite',
  'longDesc',
  'codeBase',
  'dynsrc',
  'lowsrc',
  'ping',
  'manifest',
  'icon',
])

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
/** Globals a page script could look up that an element with this id/name would shadow. */
const CLOBBER_PREFIX = 'user-content-'

export interface Finding {
  element: string
  problem: string
}

/** Whether a URL, parsed the way a browser would, stays on http/https/mailto (relative is fine). */
export function isSafeUrl(value: string): boolean {
  try {
    const parsed = new URL(value, 'https://relative.invalid/base/')
    return SAFE_PROTOCOLS.has(parsed.protocol)
  } catch {
    // Unparseable URLs are never followed by a browser.
    return true
  }
}

/**
 * Parses HTML the way a browser does (parse5 via hast-util-from-html, as a fragment inside
 * <body>) and lists everything that could run code, navigate, load a document or clobber
 * globals. Parsing, not pattern matching, so mutation tricks are judged by what the browser
 * would build.
 */
export function findExecutableMarkup(html: string): Finding[] {
  const tree: Root = fromHtml(html, { fragment: true })
  const findings: Finding[] = []
  visit(tree, 'element', (node: Element) => {
    const report = (problem: string) => findings.push({ element: node.tagName, problem })
    if (FORBIDDEN_ELEMENTS.has(node.tagName.toLowerCase())) report('forbidden element')
    for (const [name, raw] of Object.entries(node.properties ?? {})) {
      const value = Array.isArray(raw) ? raw.join(' ') : String(raw)
      if (/^on/i.test(name)) report(`event handler ${name}`)
      if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) report(`${name}=${value}`)
      if (name === 'srcSet' || name === 'imageSrcSet') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0] ?? ''
          if (url && !isSafeUrl(url)) report(`${name} candidate ${url}`)
        }
      }
      if (name === 'srcDoc') report('srcdoc')
      if (name === 'httpEquiv') report('http-equiv')
      if (name === 'style' && /url\s*\(|expression\s*\(|binding|behavior|@import/i.test(value)) {
        report(`style ${value}`)
      }
      if ((name === 'id' || name === 'name') && !value.startsWith(CLOBBER_PREFIX)) {
        report(`unprefixed ${name}=${value}`)
      }
    }
  })
  return findings
}
