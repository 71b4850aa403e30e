export { summarizePost, type PostSummary } from './post'
export { sortNewestFirst, withSavedSummary } from './post-order'
export { slugify } from './slug'
export {
  DEFAULT_SUMMARY_LENGTH,
  isSiteGenerator,
  SITE_GENERATORS,
  type SiteGenerator,
  type SiteInfo,
} from './site-info'
export { imagePlacement, linkTargetInRepository, staticRootOf } from './site-paths'
