export { PostInspector } from './PostInspector'
export { ViewSwitch } from './ViewSwitch'
export { WorkspaceMain } from './WorkspaceMain'
export { openInEditor, showEditor, showLibrary, useLibrary } from './library-store'
