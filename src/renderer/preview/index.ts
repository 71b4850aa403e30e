export { Preview, type PreviewHandle, type PreviewProps } from './Preview'
export { useScrollSync } from './useScrollSync'
