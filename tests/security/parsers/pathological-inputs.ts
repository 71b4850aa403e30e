import type { SiteGenerator, SiteInfo } from '../../../src/shared/posts/site-info'

/** Inputs that have hung, crashed or exploded Markdown, YAML and TOML parsers before. */
const invalidUtf8 = Buffer.from([
  0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a,
]).toString('utf8')

export const PATHOLOGICAL_INPUTS: Array<[string, string]> = [
  ['1,000-deep block quotes', `${'> '.repeat(1000)}deep\n`],
  [
    '1,000-deep nested list',
    Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n'),
  ],
  ['1,000-deep mixed quotes and lists', `${'> - '.repeat(1000)}x\n`],
  ['10,000-item list', Array.from({ length: 10_000 }, (_, i) => `- item ${i}`).join('\n')],
  [
    '10,000-item ordered list',
    Array.from({ length: 10_000 }, (_, i) => `${i + 1}. item`).join('\n'),
  ],
  ['1 MB single line', 'word '.repeat(200_000)],
  ['1 MB single line of emphasis markers', '*_'.repeat(500_000)],
  ['1 MB of brackets', '['.repeat(500_000) + ']('.repeat(250_000)],
  ['nested links and images', '[!['.repeat(5_000) + 'x' + '](y)]'.repeat(5_000)],
  ['10,000 backticks', '`'.repeat(10_000)],
  ['10,000 unclosed HTML tags', '<div>'.repeat(10_000)],
  ['10,000 table columns', `|${' a |'.repeat(10_000)}\n|${'---|'.repeat(10_000)}\n`],
  ['5,000 table rows', `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(5_000)}`],
  ['invalid UTF-8 decoded with replacement characters', invalidUtf8.repeat(1000)],
  ['lone surrogates', '\ud800\udc00\ud800 text \udfff'.repeat(1000)],
  ['NUL bytes', `# Title\0\n\nBody \0\0 with NUL\0 bytes\n`.repeat(100)],
  [
    'CRLF line endings',
    '---\r\ntitle: CRLF\r\n---\r\n\r\n# Heading\r\n\r\nText\r\n<!--more-->\r\nRest\r\n',
  ],
  ['lone CR line endings', '---\rtitle: CR\r---\r\r# Heading\r\rText\r'],
  ['BOM before front matter', '\ufeff---\ntitle: With BOM\n---\n\nBody\n'],
  ['BOM only', '\ufeff'],
  ['empty', ''],
  ['only a front matter fence', '---'],
  ['unclosed YAML front matter', `---\ntitle: x\n${'line\n'.repeat(10_000)}`],
  [
    'YAML alias bomb',
    `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nbody\n`,
  ],
  ['1,000-deep YAML flow sequence', `---\nx: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`],
  [
    'YAML with custom tags',
    '---\na: !!js/function "function(){}"\nb: !!binary aGVsbG8=\nc: !custom x\n---\n',
  ],
  ['YAML with a 1 MB value', `---\ntitle: "${'y'.repeat(1_000_000)}"\n---\n`],
  [
    '1,000-deep TOML tables',
    `+++\n${Array.from(
      { length: 1000 },
      (_, i) => `[${Array.from({ length: i + 1 }, () => 'a').join('.')}]`,
    )
      .slice(0, 200)
      .join('\n')}\n+++\n`,
  ],
  ['1,000-deep TOML inline arrays', `+++\nx = ${'['.repeat(1000)}${']'.repeat(1000)}\n+++\n`],
  ['broken TOML', '+++\ntitle = "unclosed\n[[[\n+++\nbody\n'],
  ['1,000-deep JSON front matter', `{\n"x": ${'['.repeat(1000)}${']'.repeat(1000)}\n}\n\nbody\n`],
  [
    'prototype keys in front matter',
    '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n---\n',
  ],
  ['many excerpt dividers', '<!--more-->\n'.repeat(10_000)],
  [
    '10,000 footnotes',
    `${Array.from({ length: 10_000 }, (_, i) => `x[^${i}]`).join(' ')}\n\n${Array.from({ length: 10_000 }, (_, i) => `[^${i}]: n`).join('\n')}`,
  ],
  [
    '10,000 reference definitions',
    Array.from({ length: 10_000 }, (_, i) => `[r${i}]: https://example.com/${i}`).join('\n'),
  ],
  [
    'math bomb',
    `$$${'{'.repeat(2000)}x${'}'.repeat(2000)}$$\n\n$${'\\sqrt{'.repeat(500)}x${'}'.repeat(500)}$`,
  ],
  ['10,000 headings with the same text', '# same\n'.repeat(10_000)],
  // Template syntax (Hugo shortcodes, Liquid, Hexo tags): openings that never close.
  ['20,000 unclosed shortcodes', '{{< x '.repeat(20_000)],
  ['20,000 unclosed escaped shortcodes', '{{</* x '.repeat(20_000)],
  ['20,000 unclosed Liquid outputs', '{{ x '.repeat(20_000)],
  ['20,000 block tags without their end', '{% if x %} {% note %} '.repeat(10_000)],
  ['20,000 raw blocks without their end', '{% raw %}'.repeat(20_000)],
  ['5,000 fences with an info string, never closed', '```js\n{% x %}\n'.repeat(5_000)],
]

/** Every generator's summary rules run on each input. */
export const GENERATORS: SiteGenerator[] = ['hugo', 'jekyll', 'hexo', 'astro', 'eleventy', 'plain']

export const siteOf = (generator: SiteGenerator): SiteInfo => ({
  generator,
  title: 'Site',
  description: '',
  summaryLength: 70,
  excerptSeparator: '<!--more-->',
  contentDirs: [''],
  detectedFrom: '',
  ...(generator === 'hexo' ? { codeFigure: { lineNumbers: true } } : {}),
})
