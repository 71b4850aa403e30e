/**
 * Channel names only, with no schema library attached, so the preload bundle can
 * import them without pulling zod into the sandboxed preload.
 */
export const CALL_NAMES = [
  'app:info',
  'repo:open',
  'repo:openSample',
  'repo:current',
  'repo:recent',
  'repo:pickFolder',
  'site:info',
  'site:setGenerator',
  'posts:list',
  'posts:read',
  'posts:save',
  'posts:create',
  'posts:rename',
  'posts:duplicate',
  'posts:delete',
  'assets:saveImage',
  'shell:openExternal',
  'journal:write',
  'journal:list',
  'journal:discard',
  'git:status',
  'git:diff',
  'git:publish',
  'git:cancel',
  'git:history',
  'git:readAtCommit',
  'git:conflict',
  'git:resolveConflict',
  'git:init',
  'git:clone',
  'credentials:status',
  'credentials:save',
  'credentials:forget',
] as const

export type CallName = (typeof CALL_NAMES)[number]

export const EVENT_NAMES = ['posts:changed', 'repo:notice', 'git:progress', 'menu:command'] as const

export type EventName = (typeof EVENT_NAMES)[number]
