import * as smolToml from 'smol-toml'
import { parseDocument } from 'yaml'
import { splitFrontMatter, type FrontMatterFormat } from './split'

export type FrontMatterData = Record<string, unknown>

export interface ParsedFrontMatter {
  format: FrontMatterFormat | null
  /** Parsed values; dates are kept as the strings written in the file. Empty on error. */
  data: FrontMatterData
  body: string
  /** A sentence for the writer when the front matter cannot be read; the text is untouched. */
  error: string | null
}

export function parseFrontMatter(text: string): ParsedFrontMatter {
  const split = splitFrontMatter(text)
  if (!split.block) return { format: null, data: {}, body: split.body, error: split.error }
  const { format, raw } = split.block
  try {
    return { format, data: parseBlock(format, raw), body: split.body, error: null }
  } catch (error) {
    return {
      format,
      data: {},
      body: split.body,
      error: `The ${format.toUpperCase()} front matter could not be read: ${firstLine(error)}`,
    }
  }
}

export function parseBlock(format: FrontMatterFormat, raw: string): FrontMatterData {
  switch (format) {
    case 'yaml':
      return parseYaml(raw)
    case 'toml':
      return parseToml(raw)
    case 'json':
      return asObject(JSON.parse(raw), 'JSON')
  }
}

function parseYaml(raw: string): FrontMatterData {
  if (raw.trim() === '') return {}
  // The core schema keeps dates as strings, i.e. exactly as written.
  const doc = parseDocument(raw, { prettyErrors: false })
  const problem = doc.errors[0]
  if (problem) throw problem
  return asObject(doc.toJS() ?? {}, 'YAML')
}

function parseToml(raw: string): FrontMatterData {
  const data = smolToml.parse(raw) as FrontMatterData
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof Date)
      data[key] = rawTomlValue(raw, key) ?? (value as smolToml.TomlDate).toISOString()
  }
  return data
}

/** The text of a top-level `key = value` as written (without a trailing comment). */
function rawTomlValue(raw: string, key: string): string | null {
  for (const line of raw.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) return null
    const match = /^\s*["']?([\w-]+)["']?\s*=\s*(.*?)\s*(?:#.*)?$/.exec(line)
    if (match && match[1] === key) return match[2] ?? null
  }
  return null
}

function asObject(value: unknown, label: string): FrontMatterData {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${label} front matter must be a set of "key: value" fields.`)
  }
  return value as FrontMatterData
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}
