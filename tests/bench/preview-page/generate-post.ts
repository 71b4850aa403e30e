/**
 * A deterministic ~100 KB blog post with the usual mix: headings, paragraphs with links and
 * emphasis, lists, fenced code and tables. Words never contain `Q`, so a benchmark can type
 * `Q`s and look for them.
 */
const WORDS = (
  'the quick brown fox jumps over lazy dogs while writers draft posts about static sites ' +
  'markdown editors preview render blocks quickly and publish with one click every morning'
).split(' ')

function* pseudoRandom(seed: number): Generator<number> {
  let state = seed
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648
    yield state / 2147483648
  }
}

export function generatePost(targetBytes = 100_000): string {
  const random = pseudoRandom(42)
  const next = () => random.next().value as number
  const word = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word'
  const sentence = (length: number) => {
    const words = Array.from({ length }, word)
    if (next() < 0.3) words[2] = `[${words[2]}](https://example.com/${words[3]})`
    if (next() < 0.3) words[5] = `*${words[5]}*`
    if (next() < 0.2) words[7] = `\`${words[7]}\``
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.'
  }
  const paragraph = () =>
    Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
      sentence(10 + Math.floor(next() * 8)),
    ).join(' ')

  const parts = [
    '---',
    'title: A long benchmark post',
    'date: 2024-05-01',
    '---',
    '',
    'Copyright &copy; 2024 &mdash; $E = mc^2$.',
    '',
  ]
  let section = 0
  while (parts.join('\n').length < targetBytes) {
    section++
    parts.push(`## Section ${section}: ${sentence(4)}`, '', paragraph(), '', paragraph(), '')
    parts.push(...Array.from({ length: 4 }, () => `- ${sentence(6)}`), '')
    if (section % 2 === 0) {
      parts.push(
        '```ts',
        `function section${section}(input: string): number {`,
        '  const words = input.split(" ")',
        '  return words.length * 2',
        '}',
        '```',
        '',
      )
    }
    if (section % 3 === 0) {
      parts.push('| Step | Words | Notes |', '|------|------:|-------|')
      for (let row = 1; row <= 5; row++) parts.push(`| ${row} | ${row * 120} | ${sentence(4)} |`)
      parts.push('')
    }
    parts.push(paragraph(), '')
  }
  return parts.join('\n')
}
