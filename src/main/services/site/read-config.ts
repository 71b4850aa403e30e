import { readFile } from 'node:fs/promises'
import * as smolToml from 'smol-toml'
import { parse as parseYaml } from 'yaml'

export type ConfigData = Record<string, unknown>

/** Reads a TOML, YAML or JSON config file; an unreadable config yields {} so detection still works. */
export async function readConfig(absolutePath: string): Promise<ConfigData> {
  try {
    const text = await readFile(absolutePath, 'utf8')
    const data: unknown = /\.toml$/i.test(absolutePath)
      ? smolToml.parse(text)
      : /\.json$/i.test(absolutePath)
        ? JSON.parse(text)
        : parseYaml(text)
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as ConfigData)
      : {}
  } catch {
    return {}
  }
}

export function stringAt(data: ConfigData, ...path: string[]): string | undefined {
  let value: unknown = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as ConfigData)[key]
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function numberAt(data: ConfigData, key: string): number | undefined {
  const value = data[key]
  const number = typeof value === 'string' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined
}

/** A boolean setting; undefined when absent or not a boolean. */
export function booleanAt(data: ConfigData, ...path: string[]): boolean | undefined {
  let value: unknown = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as ConfigData)[key]
  }
  return typeof value === 'boolean' ? value : undefined
}
