/** Most blocks in one group; a group that grows past it hands its tail to a new group. */
export const GROUP_SIZE = 32

export interface BlockGroupRange {
  id: string
  start: number
  end: number
}

/**
 * Splits the preview's blocks (given by React key, in document order) into groups, so that a
 * keystroke makes React look at one group of blocks instead of every block. A block stays in
 * the group it was first put in and a new block joins the group of the block before it: React
 * cannot move a child from one parent to another without rebuilding its DOM, so groups must
 * not shift along the document as blocks come and go. Only a group that outgrows
 * `GROUP_SIZE` moves its last blocks, once.
 */
export class BlockGrouper {
  private groupOf = new Map<string, string>()
  private nextId = 1

  group(keys: readonly string[]): BlockGroupRange[] {
    const groups: BlockGroupRange[] = []
    const groupOf = new Map<string, string>()
    const closed = new Set<string>()
    let current: BlockGroupRange | null = null
    keys.forEach((key, index) => {
      let id = this.groupOf.get(key)
      // A group seen earlier in this pass cannot continue here (keep groups contiguous).
      if (id !== undefined && closed.has(id)) id = undefined
      if (current && (id === undefined || id === current.id)) {
        if (current.end - current.start < GROUP_SIZE) {
          current.end = index + 1
          groupOf.set(key, current.id)
          return
        }
        id = undefined
      }
      if (current) closed.add(current.id)
      current = { id: id ?? `g${this.nextId++}`, start: index, end: index + 1 }
      groups.push(current)
      groupOf.set(key, current.id)
    })
    this.groupOf = groupOf
    return groups
  }
}
