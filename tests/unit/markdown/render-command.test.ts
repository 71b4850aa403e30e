import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIO } from '../../../src/main/cli/command'
import { runCli } from '../../../src/main/cli/run-cli'

function captureIO(cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    cwd,
  }
  return { io, out, err }
}

describe('inkpress render', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkpress-render-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('prints the body HTML without the front matter', async () => {
    await writeFile(path.join(dir, 'post.md'), '---\ntitle: Hi\n---\n# Hello\n\nSome *text*.\n')
    const { io, out, err } = captureIO(dir)
    expect(await runCli(['render', 'post.md'], io)).toBe(0)
    expect(err).toEqual([])
    expect(out.join('\n')).toBe(
      '<h1 id="user-content-hello">Hello</h1>\n<p>Some <em>text</em>.</p>',
    )
  })

  it('reports a missing file in a sentence and fails', async () => {
    const { io, out, err } = captureIO(dir)
    expect(await runCli(['render', 'missing.md'], io)).toBe(1)
    expect(out).toEqual([])
    expect(err.join('')).toContain('There is no file at')
    expect(err.join('')).toContain('[NOT_FOUND]')
  })

  it('explains its usage when called without exactly one file', async () => {
    const { io, err } = captureIO(dir)
    expect(await runCli(['render'], io)).toBe(2)
    expect(err.join('')).toContain('inkpress render <file.md>')
  })
})
