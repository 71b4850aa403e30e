/**
 * Child process for the parser fuzz suite: runs every parser on one pathological input and
 * prints the CPU time each used and whether it threw. In a child so a parser that hangs or
 * blows the stack fails its own case (the parent kills it) instead of the whole suite.
 * CPU time, not wall time: on a busy machine a parser waiting for a core is not a slow parser.
 * Usage: parse-once.child.ts <index into PATHOLOGICAL_INPUTS>
 */
import { summarizePost } from '../../../src/shared/posts'
import { parseFrontMatter } from '../../../src/shared/frontmatter'
import {
  incrementalRenderToHtml,
  IncrementalMarkdownRenderer,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'
import { GENERATORS, PATHOLOGICAL_INPUTS, siteOf } from './pathological-inputs'

export interface ParserOutcome {
  parser: string
  /** CPU time (user + system) the parser used. */
  cpuMs: number
  /** Wall-clock time, reported for information only. */
  wallMs: number
  error: string | null
}

const text = PATHOLOGICAL_INPUTS[Number(process.argv[2])]?.[1] ?? ''

/** One JSON line when a parser starts and one with its outcome, so the parent can time it out. */
function report(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

function measure<T>(parser: string, run: () => T): T | null {
  report({ start: parser })
  const wallStart = performance.now()
  const cpuStart = process.cpuUsage()
  const outcome = (error: string | null): ParserOutcome => {
    const cpu = process.cpuUsage(cpuStart)
    return {
      parser,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallStart,
      error,
    }
  }
  try {
    const value = run()
    report(outcome(null))
    return value
  } catch (error) {
    report(outcome(`${(error as Error)?.name}: ${(error as Error)?.message}`.slice(0, 300)))
    return null
  }
}

measure('front matter', () => parseFrontMatter(text))
for (const generator of GENERATORS) {
  measure(`excerpt (${generator})`, () =>
    // The whole summary: the generator's front matter rules, template syntax, the excerpt.
    summarizePost('posts/post.md', text, siteOf(generator)),
  )
}
const html = measure('render', () => renderMarkdownToHtml(text))
const incremental = measure('incremental render', () =>
  incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(text)),
)
if (html !== null && incremental !== null && html !== incremental) {
  report({
    parser: 'incremental render equals render',
    cpuMs: 0,
    wallMs: 0,
    error: 'differs from the full render',
  } satisfies ParserOutcome)
}
