/** A link reference definition that is valid on a line of its own, or a footnote definition's first line. */
const DEFINITION_LINE =
  /^ {0,3}\[[^\][\\^][^\][\\]*\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$|^ {0,3}\[\^[^\]\s]+\]:.*$/
const LABEL = /^ {0,3}\[([^\]]*)\]:/
/** CommonMark labels are at most 999 characters and contain no unescaped brackets. */
const REFERENCE = /\[([^[\]]{1,999})\]/g

export function isDefinitionLine(line: string): boolean {
  return DEFINITION_LINE.test(line)
}

/**
 * The document's definition lines (that start a block: a definition cannot interrupt a
 * paragraph), by normalised label, so a parse of one stretch of the document can be given
 * the definitions its references need, and only those: prepending all of them to every
 * parse would make the work grow with definitions × stretches.
 */
export class DefinitionIndex {
  private byLabel = new Map<string, number[]>()
  private lines: string[] = []

  constructor(markdown: string) {
    let previousOpensBlock = true
    for (const line of markdown.split('\n')) {
      const isDefinition: boolean = previousOpensBlock && DEFINITION_LINE.test(line)
      if (isDefinition) {
        const label = normaliseLabel(LABEL.exec(line)?.[1] ?? '')
        const indexes = this.byLabel.get(label) ?? []
        indexes.push(this.lines.length)
        this.byLabel.set(label, indexes)
        this.lines.push(line)
      }
      previousOpensBlock = isDefinition || line.trim() === ''
    }
  }

  get size(): number {
    return this.lines.length
  }

  /** The definitions whose label `source` mentions in brackets, in document order, blank-line separated. */
  referencedBy(source: string): string {
    if (this.lines.length === 0) return ''
    const wanted = new Set<number>()
    for (const match of source.matchAll(REFERENCE)) {
      for (const index of this.byLabel.get(normaliseLabel(match[1]!)) ?? []) wanted.add(index)
    }
    // Blank lines between them, so no definition becomes the continuation of another.
    return [...wanted]
      .sort((a, b) => a - b)
      .map((index) => this.lines[index])
      .join('\n\n')
  }
}

/** CommonMark's label matching: case-insensitive, inner whitespace collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase()
}
