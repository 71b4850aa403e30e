export { Preview, type PreviewHandle, type PreviewProps } from './Preview'
