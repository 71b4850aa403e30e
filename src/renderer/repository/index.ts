/** Getting a blog repository: clone one, or make the open folder a Git repository. */
export { CloneBlogForm } from './CloneBlogForm'
export { GitInitNotice } from './GitInitNotice'
