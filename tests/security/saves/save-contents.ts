/**
 * The two versions the kill test alternates between: different sizes and fillers, so any
 * torn, truncated, empty or mixed file is told apart from both.
 */
const block = (label: string, lines: number) =>
  Array.from({ length: lines }, (_, index) => `${label} line ${index} of a long post.\n`).join('')

export const OLD_VERSION = `---\ntitle: Old\n---\n${block('old', 40_000)}`
export const NEW_VERSION = `---\ntitle: New\n---\n${block('NEW', 55_000)}`
