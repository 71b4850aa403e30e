/**
 * Globals defined by WHATWG standards that exist identically in Node, browsers and workers.
 * Shared code may use these and nothing else from the platform; the shared tsconfig has no
 * DOM or Node types, so anything not declared here fails to compile.
 */
declare class URL {
  constructor(url: string, base?: string | URL)
  readonly href: string
  readonly protocol: string
  readonly host: string
  readonly hostname: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
  toString(): string
}

declare class TextEncoder {
  encode(input?: string): Uint8Array
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: ArrayBufferView | ArrayBuffer): string
}
