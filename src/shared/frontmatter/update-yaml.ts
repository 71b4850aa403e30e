import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
  type Pair,
  type Scalar,
} from 'yaml'
import type { PatchValue } from './patch'

interface TextEdit {
  start: number
  end: number
  text: string
}

/** How the old value was written, so the new one is written the same way. */
interface StyleHint {
  scalarType?: Scalar.Type
  flow?: boolean
  itemType?: Scalar.Type
  indentSeq?: boolean
  flowPadding?: boolean
}

/**
 * Edits YAML front matter by splicing text at the node ranges the `yaml` parser reports,
 * so every byte outside the edited values (comments, order, quoting, blank lines) survives.
 * A full Document.toString() would re-indent and re-space the untouched parts.
 */
export function updateYamlBlock(
  raw: string,
  patch: Record<string, PatchValue>,
  eol: string,
): string {
  const doc = parseDocument(raw, { prettyErrors: false })
  const problem = doc.errors[0]
  if (problem) throw new Error(problem.message.split('\n')[0])
  const map = doc.contents
  if (map !== null && !isMap(map))
    throw new Error('the front matter is not a set of "key: value" fields')

  const edits: TextEdit[] = []
  const additions: string[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const pair = map?.items.find((item) => isScalar(item.key) && item.key.value === key) as
      Pair<Scalar, Node | null> | undefined
    if (!pair) {
      if (value !== null)
        additions.push(`${key}:${renderValue(key, value, { flow: true, flowPadding: false })}`)
      continue
    }
    edits.push(value === null ? removal(raw, pair) : replacement(raw, key, value, pair))
  }

  let result = raw
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text.replace(/\n/g, eol) + result.slice(edit.end)
  }
  if (additions.length > 0) {
    const separator = result === '' || result.endsWith('\n') ? '' : eol
    result += separator + additions.map((line) => line.replace(/\n/g, eol) + eol).join('')
  }
  return result
}

function replacement(
  raw: string,
  key: string,
  value: Exclude<PatchValue, null | undefined>,
  pair: Pair<Scalar, Node | null>,
): TextEdit {
  const keyRange = pair.key.range!
  const node = pair.value
  const range = node?.range
  const rendered = renderValue(key, value, styleOf(raw, node))
  if (!node || !range || range[0] === range[1]) {
    // `key:` with no value: replace the colon and whatever spacing follows on that line.
    const colon = raw.indexOf(':', keyRange[1])
    return { start: colon, end: colon + 1, text: ':' + rendered }
  }
  const oldText = raw.slice(range[0], range[1])
  const trailingNewline = oldText.endsWith('\n') ? '\n' : ''
  const oldIsBlockCollection = (isSeq(node) || isMap(node)) && !node.flow
  if (rendered.startsWith(' ') && !oldIsBlockCollection) {
    // Same line as before: keep the original spacing after the colon.
    return { start: range[0], end: range[1], text: rendered.slice(1) + trailingNewline }
  }
  return { start: keyRange[1], end: range[1], text: ':' + rendered + trailingNewline }
}

function removal(raw: string, pair: Pair<Scalar, Node | null>): TextEdit {
  const start = raw.lastIndexOf('\n', pair.key.range![0] - 1) + 1
  let end = pair.value?.range?.[2] ?? pair.key.range![2]
  if (end > 0 && raw[end - 1] !== '\n') {
    const newline = raw.indexOf('\n', end)
    end = newline < 0 ? raw.length : newline + 1
  }
  return { start, end, text: '' }
}

function styleOf(raw: string, node: Node | null): StyleHint {
  if (!node) return {}
  if (isScalar(node)) return { scalarType: node.type }
  if (isSeq(node)) {
    const first = node.items[0]
    const start = node.range?.[0] ?? 0
    const column = start - (raw.lastIndexOf('\n', start - 1) + 1)
    return {
      flow: node.flow === true,
      itemType: isScalar(first) ? first.type : undefined,
      indentSeq: column > 0,
      flowPadding: node.flow === true && /^\[\s/.test(raw.slice(start)),
    }
  }
  return {}
}

/** The text that follows `key:` for the new value, e.g. ` "Title"` or `\n  - a\n  - b`. */
function renderValue(
  key: string,
  value: Exclude<PatchValue, null | undefined>,
  hint: StyleHint,
): string {
  const doc = new Document({})
  const node = doc.createNode(value)
  if (isScalar(node) && hint.scalarType) node.type = hint.scalarType
  if (isSeq(node)) {
    node.flow = hint.flow ?? true
    for (const item of node.items) if (isScalar(item) && hint.itemType) item.type = hint.itemType
  }
  doc.contents = doc.createNode({}) as typeof doc.contents
  ;(doc.contents as unknown as { items: unknown[] }).items.push(doc.createPair(key, node))
  const text = doc.toString({
    lineWidth: 0,
    indentSeq: hint.indentSeq ?? true,
    flowCollectionPadding: hint.flowPadding ?? false,
  })
  const afterColon = text.slice(text.indexOf(':') + 1)
  return afterColon.replace(/\n$/, '')
}
