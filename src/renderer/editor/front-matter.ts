import { StreamLanguage } from '@codemirror/language'
import { toml } from '@codemirror/legacy-modes/mode/toml'
import { yamlLanguage } from '@codemirror/lang-yaml'
import type { MarkdownConfig } from '@lezer/markdown'
import { parseMixed } from '@lezer/common'
import { tags } from '@lezer/highlight'

const tomlLanguage = StreamLanguage.define(toml)

const FENCES: Record<string, 'FrontMatterYaml' | 'FrontMatterToml'> = {
  '---': 'FrontMatterYaml',
  '+++': 'FrontMatterToml',
}

/**
 * Lezer-markdown has no front matter support, so this block parser recognises a `---` (YAML)
 * or `+++` (TOML) block at the very start of the document and hands its body to the YAML or
 * TOML parser for highlighting. An unclosed block runs to the end of the document; this only
 * affects editor colouring, the preview decides what is front matter on its own.
 */
export const frontMatterHighlighting: MarkdownConfig = {
  defineNodes: [
    { name: 'FrontMatter', block: true },
    { name: 'FrontMatterMark', style: tags.meta },
    'FrontMatterYaml',
    'FrontMatterToml',
  ],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0) return false
        const fence = line.text.trimEnd()
        const contentType = FENCES[fence]
        if (!contentType) return false
        const start = cx.lineStart
        const children = [cx.elt('FrontMatterMark', start, start + 3)]
        let contentStart = -1
        let end = start + line.text.length
        while (cx.nextLine()) {
          if (contentStart < 0) contentStart = cx.lineStart
          if (line.text.trimEnd() === fence) {
            if (cx.lineStart > contentStart) {
              children.push(cx.elt(contentType, contentStart, cx.prevLineEnd()))
            }
            children.push(cx.elt('FrontMatterMark', cx.lineStart, cx.lineStart + 3))
            end = cx.lineStart + line.text.length
            cx.nextLine()
            cx.addElement(cx.elt('FrontMatter', start, end, children))
            return true
          }
          end = cx.lineStart + line.text.length
        }
        if (contentStart >= 0 && end > contentStart)
          children.push(cx.elt(contentType, contentStart, end))
        cx.addElement(cx.elt('FrontMatter', start, end, children))
        return true
      },
    },
  ],
  wrap: parseMixed((node) => {
    if (node.name === 'FrontMatterYaml') return { parser: yamlLanguage.parser }
    if (node.name === 'FrontMatterToml') return { parser: tomlLanguage.parser }
    return null
  }),
}
