import type { SiteGenerator } from '../posts/site-info'

/**
 * Template syntax in a post's Markdown, replaced by what the site shows for it where that is
 * knowable from the post alone, before the excerpt is taken: Hugo's shortcodes, Jekyll's
 * Liquid, Hexo's tag plugins. What only the site's own code knows (its shortcodes, includes,
 * variables) is left out, and its name is reported so the excerpt card can say so: the index
 * never shows raw braces. The rules follow each generator's documentation of its built-ins;
 * tests/unit/generators/real-sites.test.ts judges them against the sites' own output.
 */
export interface TemplateResult {
  markdown: string
  /** Names of the template pieces left out because only the site's code knows their output. */
  omitted: string[]
}

const NOTHING: TemplateResult = { markdown: '', omitted: [] }

export function resolveTemplates(markdown: string, generator: SiteGenerator): TemplateResult {
  if (!markdown.includes('{{') && !markdown.includes('{%')) return { ...NOTHING, markdown }
  switch (generator) {
    case 'hugo':
      return hugoShortcodes(markdown)
    case 'jekyll':
      return liquid(markdown, JEKYLL_TAGS)
    case 'hexo':
      return outsideFences(markdown, (text) => liquid(text, HEXO_TAGS))
    default:
      return { ...NOTHING, markdown }
  }
}

/** Private-use placeholders keep text that must come out as written away from later passes. */
class Literals {
  private readonly kept: string[] = []
  keep(text: string): string {
    this.kept.push(text)
    return `\uE010${this.kept.length - 1}\uE011`
  }
  restore(text: string): string {
    return text.replace(/\uE010(\d+)\uE011/g, (_m, i: string) => this.kept[Number(i)] ?? '')
  }
}

function fenced(code: string, info: string): string {
  const fence = code.includes('```') ? '~~~~' : '```'
  return `\n\n${fence}${info}\n${code.replace(/^\n+|\n+$/g, '')}\n${fence}\n\n`
}

/** `name="value"` and bare `"value"` arguments of a shortcode or tag. */
function namedArguments(args: string): Map<string, string> {
  const named = new Map<string, string>()
  for (const match of args.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    named.set(match[1]!, match[2] ?? match[3] ?? match[4] ?? '')
  }
  return named
}

/** Hugo built-ins whose output has no text a reader sees in a summary (embeds, links' targets). */
const HUGO_SILENT = new Set([
  'ref',
  'relref',
  'youtube',
  'vimeo',
  'vimeo_simple',
  'tweet',
  'twitter',
  'twitter_simple',
  'x',
  'x_simple',
  'instagram',
  'instagram_simple',
  'gist',
  'param',
  'comment',
])

function hugoShortcodes(markdown: string): TemplateResult {
  const literals = new Literals()
  const omitted = new Set<string>()
  // `{{</* name */>}}` is how a post shows a shortcode as text.
  let text = markdown.replace(
    /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g,
    (_m, open: string, inner: string, close: string) =>
      literals.keep(`{{${open}${inner}${close}}}`),
  )
  const paired = /\{\{([<%])\s*([\w./-]+)([^]*?)\s*[>%]\}\}([\s\S]*?)\{\{[<%]\s*\/\s*\2\s*[>%]\}\}/g
  const single = /\{\{([<%])\s*([\w./-]+)([^]*?)\/?\s*[>%]\}\}/g
  const replace = (name: string, args: string, inner: string | null): string => {
    const named = namedArguments(args)
    if (name === 'highlight') {
      const lang = /^\s*"?([\w+#-]*)/.exec(args)?.[1] ?? ''
      return inner === null ? '' : fenced(inner, lang)
    }
    if (name === 'figure') {
      const words = [named.get('title'), named.get('caption'), named.get('attr')]
      return `\n\n${words.filter(Boolean).join(' ')}\n\n`
    }
    if (name === 'details' && inner !== null) return `\n\n${named.get('summary') ?? ''}\n\n${inner}`
    if (HUGO_SILENT.has(name)) return ''
    omitted.add(name)
    return ''
  }
  for (let pass = 0; pass < 4 && /\{\{[<%]/.test(text); pass++) {
    text = text.replace(paired, (_m, _o, name: string, args: string, inner: string) =>
      replace(name, args, inner),
    )
    text = text.replace(single, (_m, _o, name: string, args: string) =>
      name.startsWith('/') ? '' : replace(name, args, null),
    )
  }
  return { markdown: literals.restore(text), omitted: [...omitted] }
}

interface TagRules {
  /** Tags that become a code block: their arguments decide the language. */
  code: Set<string>
  /** Tags whose output has no text a reader sees (assignments, embeds, links' targets). */
  silent: Set<string>
  /** Paired tags that show their content. */
  content: Set<string>
}

const JEKYLL_TAGS: TagRules = {
  code: new Set(['highlight']),
  silent: new Set([
    'assign',
    'capture',
    'endcapture',
    'post_url',
    'link',
    'comment',
    'increment',
    'decrement',
    'cycle',
    'seo',
    'feed_meta',
  ]),
  content: new Set(),
}

const HEXO_TAGS: TagRules = {
  code: new Set(['codeblock', 'code', 'include_code']),
  silent: new Set([
    'youtube',
    'vimeo',
    'gist',
    'jsfiddle',
    'iframe',
    'img',
    'image',
    'asset_img',
    'asset_path',
    'post_path',
    'url_for',
    'full_url_for',
    'comment',
  ]),
  content: new Set(['pullquote', 'blockquote', 'quote']),
}

/**
 * Liquid (Jekyll) and Nunjucks-style tags (Hexo): `{% raw %}` keeps its content as written,
 * code tags become code blocks, known silent tags disappear, a block quote keeps its text and
 * its author line, `{{ … }}` output and the site's own tags are left out and reported.
 */
function liquid(markdown: string, rules: TagRules): TemplateResult {
  const literals = new Literals()
  const omitted = new Set<string>()
  let text = markdown.replace(
    /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g,
    (_m, inner: string) => literals.keep(inner),
  )
  text = text.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '')
  const paired = /\{%-?\s*(\w+)([^%]*?)-?%\}([\s\S]*?)\{%-?\s*end\1\s*-?%\}/g
  text = text.replace(paired, (_m, name: string, args: string, inner: string) => {
    if (rules.code.has(name)) return fenced(inner, codeInfo(args))
    if (rules.content.has(name)) {
      const footer =
        name === 'pullquote' ? '' : args.replace(/\bhttps?:\/\/\S+/g, '').replace(/,/g, ' ')
      return `\n\n${inner.trim()}\n\n${footer.trim()}\n\n`
    }
    if (rules.silent.has(name)) return ''
    omitted.add(name)
    return ''
  })
  text = text.replace(/\{%-?\s*(\w+)([^%]*?)-?%\}/g, (_m, name: string, args: string) => {
    if (name === 'post_link' || name === 'asset_link') {
      // `{% post_link slug 'Title' %}` shows its title; without one, the other post's title.
      const title = /(?:"([^"]*)"|'([^']*)')/.exec(args)
      if (title) return title[1] ?? title[2] ?? ''
    }
    if (!rules.silent.has(name)) omitted.add(name)
    return ''
  })
  text = text.replace(/\{\{-?([\s\S]*?)-?\}\}/g, (_m, expression: string) => {
    omitted.add(`{{ ${expression.trim().split(/[\s|]/)[0] ?? ''} }}`)
    return ''
  })
  return { markdown: literals.restore(text), omitted: [...omitted] }
}

/** `lang:js wrap:false Title` → the language and the caption, as a fence's info string. */
function codeInfo(args: string): string {
  const words = args.trim().split(/\s+/).filter(Boolean)
  const lang =
    words.find((w) => w.startsWith('lang:'))?.slice(5) ??
    (words.length === 1 && !words[0]!.includes(':') ? words[0]! : '')
  const caption = words.filter((w) => !w.includes(':') && w !== lang).join(' ')
  return lang || caption ? `${lang || 'plain'}${caption ? ` ${caption}` : ''}` : ''
}

/** Hexo renders tags only outside fenced code (its code blocks are escaped first). */
function outsideFences(
  markdown: string,
  transform: (text: string) => TemplateResult,
): TemplateResult {
  const parts = markdown.split(
    /(^ {0,3}(?:`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}(?:`{3,}|~{3,})[ \t]*$)/m,
  )
  const omitted = new Set<string>()
  const out = parts.map((part, index) => {
    if (index % 2 === 1) return part
    const result = transform(part)
    for (const name of result.omitted) omitted.add(name)
    return result.markdown
  })
  return { markdown: out.join(''), omitted: [...omitted] }
}
