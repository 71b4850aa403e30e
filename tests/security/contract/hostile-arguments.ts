import type { z } from 'zod'
import {
  AbsoluteFolderPath,
  ExternalUrl,
  MAX_POST_BYTES,
  RepoRelativePath,
} from '../../../src/shared/api/schemas'

/** Strings that try to reach outside the repository, or confuse a path check. */
export function hostilePaths(outside: string): string[] {
  return [
    '../outside/sentinel.txt',
    '../outside/new-file.md',
    'posts/../../outside/secret.md',
    './posts/../../../../../../../../etc/passwd',
    '..',
    '',
    `${outside}/sentinel.txt`,
    `${outside}/created-by-fuzz.md`,
    '/etc/passwd',
    'C:\\x',
    'C:\\Windows\\win.ini',
    'C:/Windows/win.ini',
    '\\\\server\\share\\post.md',
    '//server/share/post.md',
    'posts\\..\\..\\outside\\secret.md',
    'posts/hello.md\0.png',
    '\0',
    'link-out.md',
    'linkdir/secret.md',
    'linkdir/created-through-link.md',
    '.git/config',
    '.git/hooks/post-checkout',
    'posts/../.git/config',
    'a/'.repeat(3000),
  ]
}

/**
 * Odd names that still resolve inside the repository (a literal folder named `%2e%2e`, the
 * root itself): a call may accept them, but must not touch anything outside.
 */
export const ODD_INSIDE_PATHS = [
  '%2e%2e/outside/secret.md',
  '.',
  './posts/./hello.md',
  'posts//hello.md',
]

/** URLs that must never reach the OS's URL handler. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'FILE:///C:/Windows/System32/calc.exe',
  'inkpress-asset://repo/posts/hello.md',
  'ms-settings:display',
  'smb://server/share',
  'http://',
  'https//missing-colon.example',
]

/** More than any schema accepts: a string just over the 20 MB post limit. */
export const HUGE_STRING = 'x'.repeat(MAX_POST_BYTES + 1024)

/** Values of every wrong JSON-ish type, including ones that try prototype tricks. */
export const WRONG_TYPES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  Number.NaN,
  true,
  {},
  [],
  ['posts/hello.md'],
  { toString: () => 'posts/hello.md' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { path: '../outside/sentinel.txt' },
]

/** Schemas whose every hostile string must be refused (rather than e.g. saved as post text). */
export const STRICT_STRING_SCHEMAS = new Set<z.ZodType>([
  RepoRelativePath,
  AbsoluteFolderPath,
  ExternalUrl,
])

/** A value the schema accepts, so the other positions of a call reach the handler. */
export function validValueFor(schema: z.ZodType): unknown {
  const def = schema.def as { type: string; innerType?: z.ZodType; shape?: unknown }
  switch (def.type) {
    case 'optional':
      return undefined
    case 'nullable':
      return null
    case 'object':
      return {}
    case 'boolean':
      return false
    case 'number':
      return 1
    case 'array':
      return []
    case 'string':
      return 'posts/hello.md'
    default:
      return undefined
  }
}

/** The string schema inside optional/nullable wrappers, if the position takes a string. */
export function takesString(schema: z.ZodType): boolean {
  const def = schema.def as { type: string; innerType?: z.ZodType }
  if (def.type === 'string') return true
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType)
    return takesString(def.innerType)
  return false
}

export function isOptional(schema: z.ZodType): boolean {
  return (schema.def as { type: string }).type === 'optional'
}
