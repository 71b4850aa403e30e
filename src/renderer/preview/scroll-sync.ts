/**
 * Maps between source lines and the preview's scroll position using the `data-source-line`
 * attribute of the preview's top-level elements, interpolating inside an element.
 */
function lineElements(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(':scope > [data-source-line]')]
}

function lineOf(element: HTMLElement): number {
  return Number(element.dataset.sourceLine)
}

/** Offset of `element`'s top inside the scroll container `root`. */
function topIn(root: HTMLElement, element: HTMLElement): number {
  return element.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop
}

/** The scrollTop that shows source `line` at the top of the preview. */
export function scrollTopForLine(root: HTMLElement, line: number): number {
  const elements = lineElements(root)
  let index = -1
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]
    if (element && lineOf(element) <= line) index = i
    else break
  }
  const current = elements[index]
  if (!current) return 0
  const next = elements[index + 1]
  const top = topIn(root, current)
  if (!next) return top
  const fraction = (line - lineOf(current)) / Math.max(1, lineOf(next) - lineOf(current))
  return top + fraction * (topIn(root, next) - top)
}

/** The source line shown at the top of the preview. */
export function lineAtScrollTop(root: HTMLElement): number {
  const elements = lineElements(root)
  const viewTop = root.scrollTop
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]
    if (!element) continue
    const top = topIn(root, element)
    const bottom = top + element.offsetHeight
    if (bottom > viewTop) {
      const next = elements[i + 1]
      if (!next || top >= viewTop) return lineOf(element)
      const fraction = (viewTop - top) / Math.max(1, element.offsetHeight)
      return Math.round(lineOf(element) + fraction * (lineOf(next) - lineOf(element)))
    }
  }
  const last = elements.at(-1)
  return last ? lineOf(last) : 1
}
