import { describe, expect, it } from 'vitest'
import { cloneProgressOf } from './clone-progress'
import { folderNameFromUrl, joinFolder } from './folder-name'

const event = (detail: string | undefined, loaded: number, total: number | null = null) => ({
  operation: 'clone',
  phase: 'clone',
  loaded,
  total,
  ...(detail ? { detail } : {}),
})

describe('cloneProgressOf', () => {
  it('places the clone steps on one bar, in order', () => {
    const receiving = cloneProgressOf(event('Receiving objects', 50, 100))
    const resolving = cloneProgressOf(event('Resolving deltas', 0, 10), receiving)
    const writing = cloneProgressOf(event('Updating workdir', 10, 10), resolving)
    expect(receiving).toEqual({ label: 'Downloading', fraction: 0.4 })
    expect(resolving.label).toBe('Unpacking')
    expect(resolving.fraction).toBeCloseTo(0.7)
    expect(writing.fraction).toBeCloseTo(0.99)
    expect(cloneProgressOf(event(undefined, 1, 1), writing)).toEqual(writing)
    expect(cloneProgressOf({ ...event(undefined, 1, 1), phase: 'finished' })).toEqual({
      label: 'Done',
      fraction: 1,
    })
  })

  it('never moves backwards when a step starts again', () => {
    const before = cloneProgressOf(event('Receiving objects', 90, 100))
    expect(cloneProgressOf(event('Counting objects', 0, 5), before).fraction).toBe(before.fraction)
  })
})

describe('folderNameFromUrl / joinFolder', () => {
  it('names the folder like git clone does', () => {
    expect(folderNameFromUrl('https://github.com/me/my-blog.git')).toBe('my-blog')
    expect(folderNameFromUrl('https://gitlab.com/group/sub/site/')).toBe('site')
    expect(folderNameFromUrl('git@github.com:me/notes.git')).toBe('notes')
    expect(folderNameFromUrl('https://example.com/')).toBe('example.com')
    expect(joinFolder('/home/me', 'blog')).toBe('/home/me/blog')
    expect(joinFolder('/home/me/', 'blog')).toBe('/home/me/blog')
    expect(joinFolder('C:\\Users\\me', 'blog')).toBe('C:\\Users\\me\\blog')
  })
})
