import type { Element, ElementContent, Root as HastRoot, Text } from 'hast'

/**
 * The cheapest render of a keystroke: when letters or digits are typed into (or deleted from)
 * a plain word of running text, a full render differs from the previous one only in that
 * word's text node. Patching that node skips the parse (about 1.5 ms and 0.6 MB of garbage
 * for a paragraph), which is most of what a keystroke costs the typing thread.
 *
 * Only edits where this is provable are patched; anything else returns null and is parsed:
 * - the typed and deleted text are letters and digits only;
 * - the word around the edit, before and after, is made of letters, digits and sentence
 *   punctuation only (no `*_~\`&\\<[]():/@`, so no delimiter, entity, escape, autolink or
 *   link destination sees a difference), does not contain `www.` (GFM autolink literal), and
 *   is not the first word of its line (list markers, headings, setext underlines live there);
 * - the block has no `<` (raw HTML spans words) or `$` (math), and no `[` when the document
 *   defines labels (a reference matches its label as a whole string, across words);
 * - the edit lies inside one text node whose source is exactly its value (no escapes,
 *   entities or stripped whitespace), under elements that show text as it is.
 */

/** Elements whose text is shown as written (not highlighted, slugged, linked or typeset). */
const PLAIN_PARENTS = new Set([
  'p',
  'em',
  'strong',
  'del',
  'li',
  'ul',
  'ol',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
])

const TYPED = /^[\p{L}\p{N}]*$/u
const PLAIN_WORD = /^[\p{L}\p{N}.,;?!'"-]+$/u
const BLOCK_WIDE_CONSTRUCT = /[<$]/

/** The block's new hast, or null when the edit is not provably a plain text change. */
export function patchTextEdit(
  hast: HastRoot,
  before: string,
  after: string,
  /** Offsets of the change in the block: `before.slice(from, toBefore)` became `inserted`. */
  from: number,
  toBefore: number,
  /** Whether the document defines link or footnote labels. */
  hasLabels: boolean,
): HastRoot | null {
  const toAfter = toBefore + after.length - before.length
  const inserted = after.slice(from, toAfter)
  if (!TYPED.test(inserted) || !TYPED.test(before.slice(from, toBefore))) return null
  if (BLOCK_WIDE_CONSTRUCT.test(after) || BLOCK_WIDE_CONSTRUCT.test(before)) return null
  if (hasLabels && (after.includes('[') || before.includes('['))) return null
  if (!isPlainInnerWord(before, from, toBefore) || !isPlainInnerWord(after, from, toAfter))
    return null
  return replaceInText(hast, before, from, toBefore, inserted)
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** Whether the word holding `from..to` is plain (see above) and not first on its line. */
function isPlainInnerWord(text: string, from: number, to: number): boolean {
  let start = from
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--
  let end = to
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++
  const word = text.slice(start, end)
  if (!PLAIN_WORD.test(word) || word.toLowerCase().includes('www.')) return false
  let before = start - 1
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--
  // Only blanks between the line's start and the word: it is the first word of its line.
  return before >= 0 && text[before] !== '\n' && text[before] !== '\r'
}

/** A copy of `root` with the text node spanning `from..to` edited, sharing everything else. */
function replaceInText(
  root: HastRoot,
  source: string,
  from: number,
  to: number,
  inserted: string,
): HastRoot | null {
  const children = replaceInChildren(root.children, source, from, to, inserted)
  return children ? { ...root, children } : null
}

function replaceInChildren<T extends HastRoot['children'][number] | ElementContent>(
  children: T[],
  source: string,
  from: number,
  to: number,
  inserted: string,
): T[] | null {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const start = child?.position?.start.offset
    const end = child?.position?.end.offset
    if (!child || start === undefined || end === undefined || from < start || to > end) continue
    let replaced: T | null = null
    if (child.type === 'text') replaced = editedText(child, source, from, to, inserted) as T | null
    else if (child.type === 'element' && PLAIN_PARENTS.has(child.tagName)) {
      const inner = replaceInChildren(child.children, source, from, to, inserted)
      replaced = inner ? ({ ...child, children: inner } as Element as T) : null
    }
    // The edit lies in this node only (nodes do not overlap): no other child can hold it.
    if (!replaced) return null
    const copy = children.slice()
    copy[index] = replaced
    return copy
  }
  return null
}

function editedText(
  node: Text,
  source: string,
  from: number,
  to: number,
  inserted: string,
): Text | null {
  const start = node.position?.start.offset ?? -1
  const end = node.position?.end.offset ?? -1
  if (source.slice(start, end) !== node.value) return null
  const value = node.value.slice(0, from - start) + inserted + node.value.slice(to - start)
  // Positions past the edit are left as they were: the preview never reads them, and the
  // next local edit starts again from the worker's render, not from this tree.
  return { type: 'text', value }
}
