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
  if (generator !== 'hugo' && generator !== 'jekyll' && generator !== 'hexo') {
    return { ...NOTHING, markdown }
  }
  // Bounded work whatever the post holds: the rules below read at most MAX_TEMPLATE_TAGS tags,
  // each within bounded lengths; past them, tags are only removed (one linear pass).
  const { head, tail } = splitAtTag(markdown, MAX_TEMPLATE_TAGS)
  const resolved =
    generator === 'hugo'
      ? hugoShortcodes(head)
      : generator === 'jekyll'
        ? liquid(head, JEKYLL_TAGS)
        : outsideFences(head, (text) => liquid(text, HEXO_TAGS))
  if (tail === '') return resolved
  return {
    markdown: resolved.markdown + tail.replace(ANY_TAG, ''),
    omitted: [...new Set([...resolved.omitted, 'more template tags'])],
  }
}

/** Real posts hold a few dozen tags; a post with more is read this far and no further. */
const MAX_TEMPLATE_TAGS = 300
/** Longest arguments and paired content the rules read (a shortcode's inner text, a raw block). */
const ARGS = '{0,500}?'
const INNER = '{0,20000}?'
const ANY_TAG = /\{\{[<%][^{}]{0,500}?[>%]\}\}|\{%[^{}]{0,500}?%\}|\{\{[^{}]{0,500}?\}\}/g

function splitAtTag(markdown: string, limit: number): { head: string; tail: string } {
  let count = 0
  for (const match of markdown.matchAll(/\{[{%]/g)) {
    if (++count > limit)
      return { head: markdown.slice(0, match.index), tail: markdown.slice(match.index) }
  }
  return { head: markdown, tail: '' }
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
    new RegExp(`\\{\\{([<%])\\/\\*([\\s\\S]${ARGS})\\*\\/([>%])\\}\\}`, 'g'),
    (_m, open: string, inner: string, close: string) =>
      literals.keep(`{{${open}${inner}${close}}}`),
  )
  const paired = new RegExp(
    `\\{\\{([<%])\\s*([\\w./-]+)([^{}]${ARGS})\\s*[>%]\\}\\}([\\s\\S]${INNER})\\{\\{[<%]\\s*\\/\\s*\\2\\s*[>%]\\}\\}`,
    'g',
  )
  const single = new RegExp(`\\{\\{([<%])\\s*([\\w./-]+)([^{}]${ARGS})\\/?\\s*[>%]\\}\\}`, 'g')
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
    new RegExp(`\\{%-?\\s*raw\\s*-?%\\}([\\s\\S]${INNER})\\{%-?\\s*endraw\\s*-?%\\}`, 'g'),
    (_m, inner: string) => literals.keep(inner),
  )
  text = text.replace(
    new RegExp(`\\{%-?\\s*comment\\s*-?%\\}[\\s\\S]${INNER}\\{%-?\\s*endcomment\\s*-?%\\}`, 'g'),
    '',
  )
  const paired = new RegExp(
    `\\{%-?\\s*(\\w+)([^%]${ARGS})-?%\\}([\\s\\S]${INNER})\\{%-?\\s*end\\1\\s*-?%\\}`,
    'g',
  )
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
  text = text.replace(
    new RegExp(`\\{%-?\\s*(\\w+)([^%]${ARGS})-?%\\}`, 'g'),
    (_m, name: string, args: string) => {
      if (name === 'post_link' || name === 'asset_link') {
        // `{% post_link slug 'Title' %}` shows its title; without one, the other post's title.
        const title = /(?:"([^"]*)"|'([^']*)')/.exec(args)
        if (title) return title[1] ?? title[2] ?? ''
      }
      if (!rules.silent.has(name)) omitted.add(name)
      return ''
    },
  )
  text = text.replace(
    new RegExp(`\\{\\{-?([^{}]${ARGS})-?\\}\\}`, 'g'),
    (_m, expression: string) => {
      omitted.add(`{{ ${expression.trim().split(/[\s|]/)[0] ?? ''} }}`)
      return ''
    },
  )
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
  // One pass over the lines: a fence opens with ``` or ~~~ and closes with at least as many of
  // the same character and nothing after them (CommonMark's rule).
  const omitted = new Set<string>()
  const out: string[] = []
  let prose: string[] = []
  let fence: { char: string; length: number } | null = null
  const flush = (): void => {
    if (prose.length === 0) return
    const result = transform(prose.join(''))
    for (const name of result.omitted) omitted.add(name)
    out.push(result.markdown)
    prose = []
  }
  for (const line of markdown.split(/(?<=\n)/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line.replace(/\r?\n$/, ''))
    if (fence) {
      out.push(line)
      if (
        marker &&
        marker[1]![0] === fence.char &&
        marker[1]!.length >= fence.length &&
        marker[2]!.trim() === ''
      ) {
        fence = null
      }
    } else if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
      flush()
      fence = { char: marker[1]![0]!, length: marker[1]!.length }
      out.push(line)
    } else {
      prose.push(line)
    }
  }
  flush()
  return { markdown: out.join(''), omitted: [...omitted] }
}
