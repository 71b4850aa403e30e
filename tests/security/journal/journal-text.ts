/** A recognisable buffer for generation n: a header line and a fixed-size body that proves it is whole. */
export const JOURNAL_BODY_LINES = 4000

export const journalText = (generation: number): string =>
  `generation ${generation}\n${`line of unsaved text for generation ${generation}\n`.repeat(JOURNAL_BODY_LINES)}`

export function generationOf(text: string): number | null {
  const match = /^generation (\d+)\n/.exec(text)
  if (!match) return null
  const generation = Number(match[1])
  return text === journalText(generation) ? generation : null
}
