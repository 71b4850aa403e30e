/**
 * Bidirectional control characters (the "Trojan Source" set: embeddings, overrides, isolates
 * and the invisible direction marks) can make a title, file name or commit message read as
 * something else (`‮txt.exe` shown as `exe.txt`). Where such text is shown as a label —
 * post list, library, History — each one is replaced by a visible, bracketed name.
 */
const NAMES: Record<string, string> = {
  '\u061c': 'ALM',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
}
const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function revealBidiControls(text: string): string {
  return text.replace(CONTROLS, (control) => `⟦${NAMES[control] ?? '?'}⟧`)
}

export const hasBidiControls = (text: string): boolean => new RegExp(CONTROLS.source).test(text)
