/**
 * The typographic quotes, dashes and ellipses each generator's default Markdown renderer puts
 * into the text readers see: Hugo's goldmark typographer, Jekyll's kramdown (smart quotes and
 * typographic symbols) and Hexo's marked renderer (smartypants). They differ in the details,
 * so each is its own small scanner, written from the renderer's rules (goldmark's
 * extension/typographer.go, kramdown's smart_quotes.rb and typographic_symbol.rb,
 * hexo-renderer-marked's smartypants) and judged by the real sites' output
 * (tests/unit/generators/real-sites.test.ts). No npm library reproduces these three.
 *
 * Text that the renderer leaves alone (code) is passed between LITERAL_OPEN and LITERAL_CLOSE;
 * it is kept as it is and the markers are removed.
 */

export type TypographyStyle = 'goldmark' | 'kramdown' | 'smartypants' | 'none'

export const LITERAL_OPEN = '\uE001'
export const LITERAL_CLOSE = '\uE002'

/** Wraps text (code) that typography must leave as written. */
export function literal(text: string): string {
  return LITERAL_OPEN + text + LITERAL_CLOSE
}

/** Removes the literal markers without changing anything else. */
export function stripLiterals(text: string): string {
  return text.replace(/[\uE001\uE002]/g, '')
}

/** The text as the generator's renderer shows it, literal parts untouched. */
export function typeset(text: string, style: TypographyStyle): string {
  if (style === 'none' || !/['"<>.-]/.test(text)) return stripLiterals(text)
  // Literal runs become one private-use character each, so the rules still see "something"
  // next to a quote (as the renderers see the code span) but never change it.
  const literals: string[] = []
  const masked = text.replace(/\uE001([^\uE002]*)\uE002/g, (_m, inner: string) => {
    literals.push(inner)
    return '\uE003'
  })
  const out =
    style === 'goldmark'
      ? goldmark(masked)
      : style === 'kramdown'
        ? kramdown(masked)
        : marked(masked)
  let next = 0
  return stripLiterals(out.replace(/\uE003/g, () => literals[next++] ?? ''))
}

const LSQUO = '\u2018'
const RSQUO = '\u2019'
const LDQUO = '\u201C'
const RDQUO = '\u201D'
const NDASH = '\u2013'
const MDASH = '\u2014'
const HELLIP = '\u2026'
const LAQUO = '\u00AB'
const RAQUO = '\u00BB'

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c)
const isPunct = (c: string | undefined): boolean => c !== undefined && /[\p{P}\p{S}]/u.test(c)
const isAsciiPunct = (c: string | undefined): boolean => c !== undefined && /[!-/:-@[-`{-~]/.test(c)
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{Nd}/u.test(c)

/** goldmark's typographer: dashes, ellipses, angle quotes, then quotes by delimiter flanking. */
function goldmark(text: string): string {
  let out = ''
  let openSingle = 0
  let openDouble = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    const rest = text.length - i
    if (c === '-' && rest > 2 && text[i + 1] === '-' && text[i + 2] === '-') {
      out += MDASH
      i += 2
      continue
    }
    if (c === '.' && rest > 2 && text[i + 1] === '.' && text[i + 2] === '.') {
      out += HELLIP
      i += 2
      continue
    }
    if ((c === '<' || c === '>') && text[i + 1] === c) {
      out += c === '<' ? LAQUO : RAQUO
      i += 1
      continue
    }
    if (c === '-' && text[i + 1] === '-') {
      out += NDASH
      i += 1
      continue
    }
    if (c !== "'" && c !== '"') {
      out += c
      continue
    }
    // A paragraph starts after a line end; the run of the same quote decides what follows.
    const before = i === 0 ? '\n' : text[i - 1]
    let runEnd = i
    while (text[runEnd] === c) runEnd++
    const after = text[runEnd]
    const canOpen = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before))
    const canClose = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after))
    const next = text[i + 1]
    const next2 = text[i + 2]
    const spaceOrPunct = (ch: string | undefined): boolean => isSpace(ch) || isAsciiPunct(ch)
    if (!canOpen && !canClose) {
      out += c
      continue
    }
    if (c === "'") {
      // '90s
      if (canOpen && !canClose && isDigit(next) && isDigit(next2) && text[i + 3] === 's') {
        if (rest === 3 || spaceOrPunct(text[i + 4])) {
          out += RSQUO
          continue
        }
      }
      // 'twas, 'em, 'net
      if (rest > 1 && (isPunct(before) || isSpace(before)) && /[teln]/.test(next ?? '')) {
        out += RSQUO
        continue
      }
      // Between a letter or digit and a letter.
      if (rest > 1 && (isDigit(before) || isLetter(before)) && isLetter(next)) {
        out += RSQUO
        continue
      }
      if (canOpen && !canClose) {
        const contraction =
          (/[smtd]/.test(next ?? '') && (rest < 3 || spaceOrPunct(next2))) ||
          (/^(?:ve|ll|re)$/.test((next ?? '') + (next2 ?? '')) &&
            (rest < 4 || spaceOrPunct(text[i + 3])))
        if (!contraction) openSingle++
        out += contraction ? RSQUO : LSQUO
        continue
      }
      // Smiths', doin' (goldmark's condition reduces to: two more characters, no digit next).
      if (rest > 2 && !isDigit(next)) {
        out += RSQUO
        continue
      }
      if (openSingle > 0 && closes(canOpen, canClose, next, next2, rest)) {
        openSingle--
        out += RSQUO
        continue
      }
      out += c
      continue
    }
    if (canOpen && !canClose) {
      openDouble++
      out += LDQUO
      continue
    }
    if (openDouble > 0 && closes(canOpen, canClose, next, next2, rest)) {
      // "Monitor 21""
      if (next === '"' && isDigit(before)) {
        out += c
        continue
      }
      openDouble--
      out += RDQUO
      continue
    }
    out += c
  }
  return out
}

function closes(
  canOpen: boolean,
  canClose: boolean,
  next: string | undefined,
  next2: string | undefined,
  rest: number,
): boolean {
  if (canClose && !canOpen) return true
  return (
    canClose &&
    canOpen &&
    rest > 1 &&
    isPunct(next) &&
    (rest === 2 || isAsciiPunct(next2) || isSpace(next2))
  )
}

/**
 * kramdown: one left-to-right scan in which typographic symbols and smart quotes are span
 * parsers; a smart quote may take the character before it, tried rule by rule (RubyPants's
 * rules as kramdown orders them).
 */
function kramdown(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const quoteAt = text[i] === "'" || text[i] === '"' ? i : -1
    const takesPrevious =
      quoteAt < 0 && (text[i + 1] === "'" || text[i + 1] === '"') && text[i] !== '\\'
    if (quoteAt >= 0 || takesPrevious) {
      const taken = kramdownQuote(text, i)
      if (taken) {
        out += taken.text
        i += taken.length
        continue
      }
    }
    const symbol = /^(?:---|--|\.\.\.|<< | >>|<<|>>)/.exec(text.slice(i, i + 3))
    if (symbol) {
      const s = symbol[0]
      out +=
        s === '---'
          ? MDASH
          : s === '--'
            ? NDASH
            : s === '...'
              ? HELLIP
              : s === '<< '
                ? LAQUO + '\u00A0'
                : s === ' >>'
                  ? '\u00A0' + RAQUO
                  : s === '<<'
                    ? LAQUO
                    : RAQUO
      i += s.length
      continue
    }
    out += text[i]
    i++
  }
  return out
}

function kramdownQuote(text: string, at: number): { text: string; length: number } | null {
  const rest = text.slice(at)
  const quote = (q: string, open: boolean): string =>
    q === '"' ? (open ? LDQUO : RDQUO) : open ? LSQUO : RSQUO
  let m: RegExpExecArray | null
  if ((m = /^(["'])(?=[_*]{1,2}\S)/.exec(rest))) return { text: quote(m[1]!, true), length: 1 }
  if ((m = /^(["'])(?=[!"#$%'()*+,\-./:;<=>?@[\\\]^_`{|}~](?!\.\.)\B)/.exec(rest))) {
    return { text: quote(m[1]!, false), length: 1 }
  }
  if ((m = /^(\s?)"'(?=\w)/.exec(rest))) return { text: m[1]! + LDQUO + LSQUO, length: m[0].length }
  if ((m = /^(\s?)'"(?=\w)/.exec(rest))) return { text: m[1]! + LSQUO + LDQUO, length: m[0].length }
  if ((m = /^(\s?)'(?=\d\ds)/.exec(rest))) return { text: m[1]! + RSQUO, length: m[0].length }
  if ((m = /^(\s)(['"])(?=\w)/.exec(rest))) {
    return { text: m[1]! + quote(m[2]!, true), length: 2 }
  }
  if ((m = /^([^ \\\t\r\n[{(-])(['"])/.exec(rest))) {
    return { text: m[1]! + quote(m[2]!, false), length: 2 }
  }
  if ((m = /^(["'])(?=\s|s\b|$)/.exec(rest))) return { text: quote(m[1]!, false), length: 1 }
  if ((m = /^([\s\S]?)'/.exec(rest))) return { text: m[1]! + LSQUO, length: m[0].length }
  if ((m = /^([\s\S]?)"/.exec(rest))) return { text: m[1]! + LDQUO, length: m[0].length }
  return null
}

/** hexo-renderer-marked's smartypants: a fixed series of replacements over the text. */
function marked(text: string): string {
  return text
    .replace(/---/g, MDASH)
    .replace(/--/g, NDASH)
    .replace(/(^|[-\u2014/([{"\s])'/g, `$1${LSQUO}`)
    .replace(/'/g, RSQUO)
    .replace(/(^|[-\u2014/([{\u2018\s])"/g, `$1${LDQUO}`)
    .replace(/"/g, RDQUO)
    .replace(/\.{3}/g, HELLIP)
}
