/**
 * Finds the front matter block at the top of a Markdown file without changing a byte:
 * `raw` is exactly the text between the delimiters, so edits can splice it back in.
 */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json'

export interface FrontMatterBlock {
  format: FrontMatterFormat
  /** Text between the delimiters (for JSON: the whole object including braces). */
  raw: string
  /** Offset of `raw` in the original text. */
  rawStart: number
  rawEnd: number
  /** Offset where the body starts (after the closing delimiter line). */
  bodyStart: number
}

export interface SplitResult {
  /** Present when a front matter block was found and is well delimited. */
  block: FrontMatterBlock | null
  /** A readable reason when the file starts like front matter but is not closed. */
  error: string | null
  body: string
  /** '\r\n' when the file uses CRLF line endings, else '\n'. */
  eol: '\n' | '\r\n'
  /** 1 when the file starts with a byte order mark, else 0. */
  bomLength: number
}

const BOM = '\uFEFF'

export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n')
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n'
}

export function splitFrontMatter(text: string): SplitResult {
  const bomLength = text.startsWith(BOM) ? 1 : 0
  const eol = detectEol(text)
  const start = bomLength
  const firstLineEnd = lineEnd(text, start)
  const firstLine = text.slice(start, firstLineEnd).replace(/\r$/, '')
  const noBlock = (error: string | null = null): SplitResult => ({
    block: null,
    error,
    body: text.slice(bomLength),
    eol,
    bomLength,
  })

  if (/^---[ \t]*$/.test(firstLine) || /^\+\+\+[ \t]*$/.test(firstLine)) {
    const isYaml = firstLine.startsWith('-')
    const closing = isYaml ? /^(?:---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/
    const rawStart = Math.min(firstLineEnd + 1, text.length)
    let pos = rawStart
    while (pos < text.length) {
      const end = lineEnd(text, pos)
      const line = text.slice(pos, end).replace(/\r$/, '')
      if (closing.test(line)) {
        const bodyStart = Math.min(end + 1, text.length)
        return {
          block: {
            format: isYaml ? 'yaml' : 'toml',
            raw: text.slice(rawStart, pos),
            rawStart,
            rawEnd: pos,
            bodyStart,
          },
          error: null,
          body: text.slice(bodyStart),
          eol,
          bomLength,
        }
      }
      pos = end + 1
    }
    return noBlock(
      `The front matter starting with "${firstLine.trim()}" is never closed; add a closing "${isYaml ? '---' : '+++'}" line.`,
    )
  }

  if (text[start] === '{') {
    const close = findJsonObjectEnd(text, start)
    if (close < 0) return noBlock('The JSON front matter starting with "{" is never closed.')
    const after = lineEnd(text, close)
    // Hugo requires the closing brace to end its line.
    if (text.slice(close + 1, after).trim() !== '') {
      return noBlock('The JSON front matter must end with "}" on its own line.')
    }
    const bodyStart = Math.min(after + 1, text.length)
    return {
      block: {
        format: 'json',
        raw: text.slice(start, close + 1),
        rawStart: start,
        rawEnd: close + 1,
        bodyStart,
      },
      error: null,
      body: text.slice(bodyStart),
      eol,
      bomLength,
    }
  }
  return noBlock()
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from)
  return i < 0 ? text.length : i
}

/** Index of the brace closing the object that opens at `start`, honouring strings; -1 if unclosed. */
function findJsonObjectEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  return -1
}
