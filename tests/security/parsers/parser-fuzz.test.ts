import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPostFile } from '../../../src/main/services/posts/post-files'
import { summarizePost } from '../../../src/shared/posts'
import { parseFrontMatter } from '../../../src/shared/frontmatter'
import {
  incrementalRenderToHtml,
  IncrementalMarkdownRenderer,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'
import { makeTempDir, removeTempDir } from '../support/temp-dir'
import {
  bundleChildScript,
  killAndWait,
  removeChildBundle,
  sleep,
  spawnNodeScript,
} from '../support/child-process'
import type { ParserOutcome } from './parse-once.child'
import { GENERATORS, PATHOLOGICAL_INPUTS, siteOf } from './pathological-inputs'

/**
 * A hang guard the issue sets per parser and input, not a speed target. It applies to CPU
 * time, so a busy machine cannot fail it; a parser still running after HANG_MS of wall-clock
 * time is a real hang and its child is killed.
 */
const LIMIT_MS = 2000
const HANG_MS = 20_000

function timed<T>(label: string, run: () => T): T {
  const started = process.cpuUsage()
  const value = run()
  const used = process.cpuUsage(started)
  const cpuMs = (used.user + used.system) / 1000
  expect(cpuMs, `${label} used ${Math.round(cpuMs)} ms of CPU`).toBeLessThan(LIMIT_MS)
  return value
}

/** Every parser a post goes through, each timed on its own. */
function parseEverything(text: string): void {
  const parsed = timed('front matter', () => parseFrontMatter(text))
  expect(typeof parsed.body).toBe('string')
  expect(parsed.error === null || typeof parsed.error === 'string').toBe(true)
  timed('excerpt', () => {
    for (const generator of GENERATORS) {
      // The whole summary: the generator's front matter rules, template syntax, the excerpt.
      const summary = summarizePost('posts/post.md', text, siteOf(generator))
      expect(typeof summary.excerpt).toBe('string')
    }
  })
  const html = timed('render', () => renderMarkdownToHtml(text))
  expect(typeof html).toBe('string')
  const incremental = timed('incremental render', () =>
    incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(text)),
  )
  expect(incremental).toBe(html)
}

describe('parsers survive pathological input (each in its own process)', () => {
  let childScript: string

  beforeAll(async () => {
    childScript = await bundleChildScript('tests/security/parsers/parse-once.child.ts')
  })

  afterAll(async () => {
    await removeChildBundle(childScript)
    if (process.env.INKPRESS_PARSER_TIMINGS) printTimings()
  })

  // Concurrent tests must use their own `expect` (from the context), or soft failures land in
  // whichever test happens to be current.
  it.concurrent.for(PATHOLOGICAL_INPUTS.map(([label], index) => [label, index] as const))(
    '%s',
    // Waiting for a free slot counts against the timeout, hence the generous one.
    { timeout: 300_000 },
    async ([, index], { expect }) => {
      const outcomes = await twoAtATime(() => runParsersInChild(childScript, index))
      timings.set(index, outcomes)
      for (const outcome of outcomes) {
        // Soft, so one run lists every parser that failed on this input.
        expect.soft(outcome.error, `${outcome.parser} failed`).toBeNull()
        expect
          .soft(outcome.cpuMs, `${outcome.parser} used ${Math.round(outcome.cpuMs)} ms of CPU`)
          .toBeLessThan(LIMIT_MS)
      }
      expect(outcomes.map((outcome) => outcome.parser)).toEqual([
        'front matter',
        ...GENERATORS.map((generator) => `excerpt (${generator})`),
        'render',
        'incremental render',
      ])
    },
  )

  it('front matter does not pollute prototypes', () => {
    parseEverything(
      '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n---\n',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

/** CPU ms of every parser per input, printed with INKPRESS_PARSER_TIMINGS=1. */
const timings = new Map<number, ParserOutcome[]>()
function printTimings(): void {
  const rows = [...timings].sort(([a], [b]) => a - b)
  const lines = rows.map(([index, outcomes]) => {
    const cells = outcomes.map(
      (o) =>
        `${o.parser.replace(/^excerpt \((.*)\)$/, '$1')} ${Math.round(o.cpuMs)}${o.error ? '!' : ''}`,
    )
    return `${PATHOLOGICAL_INPUTS[index]![0]}: ${cells.join(', ')}`
  })
  console.log(`CPU ms per parser (! = failed):\n${lines.join('\n')}`)
}

/** At most two children at once: one per core, so the timings stay meaningful. */
let slots = 2
const waiting: Array<() => void> = []
async function twoAtATime<T>(task: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((resolve) => waiting.push(resolve))
  else slots--
  try {
    return await task()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else slots++
  }
}

/**
 * Runs the child and reads its JSON lines; a parser still running HANG_MS after it started is
 * reported as hung and the child is killed, so one hang costs seconds, not minutes.
 */
async function runParsersInChild(script: string, index: number): Promise<ParserOutcome[]> {
  const child = spawnNodeScript(script, [String(index)])
  const outcomes: ParserOutcome[] = []
  const state: { running: { parser: string; since: number } | null } = { running: null }
  let buffered = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { start?: string } & ParserOutcome
      if (event.start) state.running = { parser: event.start, since: Date.now() }
      else {
        outcomes.push(event)
        state.running = null
      }
    }
  })
  let closed = false
  // 'close', not 'exit': all of stdout has been read by then.
  child.once('close', () => (closed = true))
  while (!closed) {
    await sleep(50)
    const running = state.running
    if (running && Date.now() - running.since > HANG_MS) {
      await killAndWait(child)
      return [
        ...outcomes,
        {
          parser: running.parser,
          cpuMs: HANG_MS,
          wallMs: HANG_MS,
          error: `still running after ${HANG_MS} ms`,
        },
      ]
    }
  }
  if (state.running) {
    return [
      ...outcomes,
      {
        parser: state.running.parser,
        cpuMs: 0,
        wallMs: 0,
        error: `the process died: ${stderr.slice(-400)}`,
      },
    ]
  }
  return outcomes
}

/** Markdown-ish fragments so random input reaches deep parser states, not just plain text. */
const markdownToken = fc.constantFrom(
  '---\n',
  '+++\n',
  '# ',
  '> ',
  '- ',
  '1. ',
  '```',
  '~~~',
  '`',
  '*',
  '_',
  '**',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '</',
  'div',
  'script',
  '\n',
  '\r\n',
  '\t',
  '    ',
  '|',
  ':--',
  '$',
  '$$',
  '\\',
  '&',
  '&#',
  ';',
  '<!--more-->',
  '[^1]',
  'http://x.y',
  'javascript:',
  '"',
  "'",
  '=',
  '{',
  '}',
  '\0',
  '\ufeff',
  '\ud800',
  'title: ',
  'a: &a [1]',
  '*a',
)
const markdownish = fc
  .array(fc.oneof(markdownToken, fc.string({ maxLength: 8 })), { maxLength: 200 })
  .map((parts) => parts.join(''))
const anyText = fc.string({ unit: 'binary', maxLength: 500 })

describe('parsers survive random input', () => {
  it('300 random Markdown-like documents', () => {
    fc.assert(
      fc.property(markdownish, (text) => parseEverything(text)),
      { numRuns: 300 },
    )
  })

  it('200 random Unicode strings', () => {
    fc.assert(
      fc.property(anyText, (text) => parseEverything(text)),
      { numRuns: 200 },
    )
  })
})

describe('reading binary and invalid text files', () => {
  let repo: string
  const files: Array<[string, Buffer]> = [
    ['image.md', Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex')],
    ['invalid-utf8.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a])],
    ['nul-bytes.md', Buffer.from('# Title\n\0\0\0 binary\n')],
    ['utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')])],
    ['truncated-multibyte.md', Buffer.from([0x61, 0x62, 0xe2, 0x82])],
    ['overlong-encoding.md', Buffer.from([0xc0, 0xaf, 0x2e, 0x2e])],
    ['surrogate-encoded.md', Buffer.from([0xed, 0xa0, 0x80])],
  ]

  beforeAll(async () => {
    repo = await makeTempDir('binary')
    await mkdir(path.join(repo, 'posts'))
    for (const [name, bytes] of files) await writeFile(path.join(repo, 'posts', name), bytes)
    await writeFile(
      path.join(repo, 'posts', 'bom.md'),
      '\ufeff---\ntitle: BOM\n---\r\nCRLF body\r\n',
    )
  })

  afterAll(async () => {
    await removeTempDir(repo)
  })

  it.each(files.map(([name]) => name))(
    '%s is refused with a clear BINARY_FILE error',
    async (name) => {
      await expect(readPostFile(repo, `posts/${name}`)).rejects.toMatchObject({
        code: 'BINARY_FILE',
        message: expect.stringMatching(
          new RegExp(
            `"posts/${name.replace('.', '\\.')}" (looks like a binary file|is not valid UTF-8 text)`,
          ),
        ),
      })
    },
  )

  it('valid UTF-8 with a BOM and CRLF is read, the BOM kept so a save writes it back', async () => {
    const document = await readPostFile(repo, 'posts/bom.md')
    expect(document.text).toBe('\ufeff---\ntitle: BOM\n---\r\nCRLF body\r\n')
    parseEverything(document.text)
  })
})
