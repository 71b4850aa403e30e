/**
 * Titles, file names and commit messages come from posts anyone may have written: the CLI
 * shows their control characters and bidi overrides escaped instead of letting the terminal
 * obey them (OSC 52 clipboard writes, title changes, a bell, reordered text).
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIO } from '../../../src/main/cli/command'
import { terminalSafe } from '../../../src/main/cli/commands/cli-support'
import { runCli } from '../../../src/main/cli/run-cli'

const run = promisify(execFile)
const OSC52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007'
const BIDI = '\u202etxt.exe'
let repo: string

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'inkpress-escapes-'))
  await mkdir(path.join(repo, 'posts'), { recursive: true })
  await writeFile(
    path.join(repo, 'posts', 'hostile.md'),
    `---\ntitle: "Clipboard ${OSC52.replace('\u001b', '\\e').replace('\u0007', '\\a')} and ${BIDI}"\ndate: 2024-01-01\n---\n\nBody.\n`,
  )
  await writeFile(path.join(repo, 'posts', `name${OSC52}.md`), '# Named\n')
  await run('git', ['init', '-q', repo])
})
afterAll(async () => {
  await rm(repo, { recursive: true, force: true })
})

function capture(): { io: CliIO; text: () => string } {
  const lines: string[] = []
  const io: CliIO = {
    stdout: (t) => lines.push(t),
    stderr: (t) => lines.push(t),
    env: {},
    cwd: repo,
  }
  return { io, text: () => lines.join('\n') }
}

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('terminal escapes in CLI output', () => {
  it('inkpress index shows hostile titles and names escaped', async () => {
    const { io, text } = capture()
    expect(await runCli(['index', repo], io)).toBe(0)
    expect(text()).not.toMatch(RAW)
    expect(text()).toContain('\\u{1b}]52;c;')
    expect(text()).toContain('\\u{202e}txt.exe')
  })

  it('inkpress status shows hostile file names escaped', async () => {
    const { io, text } = capture()
    expect(await runCli(['status', repo], io)).toBe(0)
    expect(text()).not.toMatch(RAW)
    expect(text()).toContain('\\u{7}')
  })

  it('keeps ordinary text, tabs and line breaks as they are', () => {
    expect(terminalSafe('Café — “quotes” 日本語\tok')).toBe('Café — “quotes” 日本語\tok')
  })
})
