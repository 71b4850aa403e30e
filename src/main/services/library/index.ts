export { indexPosts, type IndexOptions } from './index-posts'
export {
  createPost,
  renamePost,
  duplicatePost,
  deletePost,
  type CreateOptions,
} from './post-operations'
export { listPostFiles } from './list-post-files'
