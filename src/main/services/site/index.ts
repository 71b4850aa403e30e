export { detectSite, type DetectOptions } from './detect-site'
export { siteForRepository } from './site-for-repository'
