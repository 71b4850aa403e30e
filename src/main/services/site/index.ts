export { detectSite, type DetectOptions } from './detect-site'
