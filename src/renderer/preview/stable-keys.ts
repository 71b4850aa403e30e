/** What `stableKeys` needs of a preview block. */
export interface KeyedBlock {
  key: string
  startLine: number
}

/**
 * React keys for the blocks of a new render, chosen so that a block the worker re-rendered
 * under a new key at the same place keeps the React key of the block it replaces: React then
 * updates that block's DOM in place (usually not at all: the worker's answer for a keystroke
 * repeats what was already shown), instead of removing and rebuilding it.
 *
 * `previous[i]` was shown under `previousKeys[i]`. Keys are unique within the result.
 */
export function stableKeys(
  previous: readonly KeyedBlock[],
  previousKeys: readonly string[],
  blocks: readonly KeyedBlock[],
): string[] {
  const reactKeyOf = new Map<string, string>()
  previous.forEach((block, index) => reactKeyOf.set(block.key, previousKeys[index] ?? block.key))
  const present = new Set(blocks.map((block) => block.key))
  const freedAtLine = new Map<number, string>()
  previous.forEach((block, index) => {
    if (!present.has(block.key)) freedAtLine.set(block.startLine, previousKeys[index] ?? block.key)
  })

  const used = new Set<string>()
  const keys = blocks.map((block): string | undefined => {
    const kept = reactKeyOf.get(block.key)
    const candidate = kept ?? freedAtLine.get(block.startLine)
    if (candidate === undefined || used.has(candidate)) return undefined
    if (kept === undefined) freedAtLine.delete(block.startLine)
    used.add(candidate)
    return candidate
  })
  let fresh = 0
  return keys.map((key, index) => {
    if (key !== undefined) return key
    let candidate = blocks[index]?.key ?? ''
    while (used.has(candidate)) candidate = `${blocks[index]?.key ?? ''}~${++fresh}`
    used.add(candidate)
    return candidate
  })
}

/** Remembers what was shown last, so each new document's keys follow on from it. */
export class BlockKeyTracker {
  private shown: readonly KeyedBlock[] = []
  private shownKeys: readonly string[] = []

  keysFor(blocks: readonly KeyedBlock[]): string[] {
    const keys = sameKeys(blocks, this.shown)
      ? [...this.shownKeys]
      : stableKeys(this.shown, this.shownKeys, blocks)
    this.shown = blocks
    this.shownKeys = keys
    return keys
  }
}

/** A keystroke shown on the page keeps every block key: no need to match anything up. */
function sameKeys(a: readonly KeyedBlock[], b: readonly KeyedBlock[]): boolean {
  return a.length === b.length && a.every((block, index) => block.key === b[index]?.key)
}
