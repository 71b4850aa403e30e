import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'

const defaultCodeAttributes = defaultSchema.attributes?.code ?? []

/**
 * GitHub's schema (rehype-sanitize's default) is the baseline: no script, no event handlers,
 * no style, ids prefixed with `user-content-`. On top of it: links may only be http(s)/mailto
 * (or relative), images only http(s) (or relative), and code may carry remark-math's
 * `math-inline` / `math-display` classes so KaTeX (which runs after sanitizing, on trusted
 * input it generates itself) can find the formulas.
 */
export const previewSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
  attributes: {
    ...defaultSchema.attributes,
    code: [
      ...defaultCodeAttributes.filter(
        (attribute) => !(Array.isArray(attribute) && attribute[0] === 'className'),
      ),
      ['className', /^language-./, 'math-inline', 'math-display'],
    ],
  },
}
