import type { Root as HastRoot } from 'hast'
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime'
import {
  cloneElement,
  createContext,
  isValidElement,
  memo,
  useContext,
  useMemo,
  type ComponentProps,
} from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'

export const ImageSourceContext = createContext<((src: string) => string) | undefined>(undefined)

const EXTERNAL_SOURCE = /^(?:https?:)?\/\//i

/** Images with a post-relative path are loaded through the host's resolver. */
function PreviewImage(props: ComponentProps<'img'>): React.JSX.Element {
  const resolve = useContext(ImageSourceContext)
  const { src } = props
  const resolved =
    resolve && typeof src === 'string' && !EXTERNAL_SOURCE.test(src) ? resolve(src) : src
  return <img {...props} src={resolved} />
}

const components: Partial<Components> = { img: PreviewImage }

function toReact(node: HastRoot['children'][number]): React.ReactNode {
  return toJsxRuntime(node, {
    Fragment,
    jsx,
    jsxs,
    components,
    passKeys: true,
    ignoreInvalidStyle: true,
  })
}

export interface PreviewBlockViewProps {
  hast: HastRoot
  startLine: number
  elementLines: number[]
}

/**
 * One block of the preview, straight from the hast tree (no innerHTML). The converted elements
 * are kept while the hast is the same object; a moved block only gets new `data-source-line`
 * attributes on its top-level elements, which React applies without touching their content.
 */
function PreviewBlockViewImpl({
  hast,
  startLine,
  elementLines,
}: PreviewBlockViewProps): React.JSX.Element {
  const nodes = useMemo(() => hast.children.map(toReact), [hast])
  let elementIndex = 0
  const children = nodes.map((node, index) => {
    if (!isValidElement(node)) return node
    const element = node as React.ReactElement<Record<string, unknown>>
    const localLine = elementLines[elementIndex++]
    if (localLine === undefined) return cloneElement(element, { key: index })
    return cloneElement(element, { key: index, 'data-source-line': startLine + localLine - 1 })
  })
  return <>{children}</>
}

function sameLines(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index])
}

export const PreviewBlockView = memo(
  PreviewBlockViewImpl,
  (before, after) =>
    before.hast === after.hast &&
    before.startLine === after.startLine &&
    sameLines(before.elementLines, after.elementLines),
)
