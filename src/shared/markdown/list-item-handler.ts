import type { Element } from 'hast'
import type { List, ListItem, Parents } from 'mdast'
import { defaultHandlers, type State } from 'mdast-util-to-hast'

/**
 * mdast-util-to-hast's own list item handler, with the list's looseness worked out once per
 * list: the library recomputes it from every sibling for every item, which makes a
 * 10,000-item list cost 10^8 steps. The handler reads `parent` for nothing else, so it gets a
 * stand-in list that carries the answer and the output is unchanged.
 */
const loosenessOfList = new WeakMap<List, boolean>()

export function listItemHandler(
  state: State,
  node: ListItem,
  parent: Parents | undefined,
): Element {
  if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent)
  let loose = loosenessOfList.get(parent)
  if (loose === undefined) {
    loose = parent.spread === true || parent.children.some(isLooseItem)
    loosenessOfList.set(parent, loose)
  }
  const standIn: List = { type: 'list', spread: loose, children: [] }
  return defaultHandlers.listItem(state, node, standIn)
}

/** The library's rule for one item: its own `spread`, or more than one child when unset. */
function isLooseItem(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread
}
