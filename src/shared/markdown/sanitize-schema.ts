import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'

/**
 * GitHub's schema (rehype-sanitize's default) is the baseline: no script, no event
 * handlers, only http(s)/mailto/relative URLs. We keep it strict and add nothing that can run.
 */
export const previewSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
}
