import { describe, expect, it } from 'vitest'
import {
  contextMenuTemplate,
  spellCheckerLanguagesFor,
  type ContextMenuItem,
} from '../../../src/main/electron/context-menu'
import { contextMenuParams } from './electron-fakes'

const NO_FLAGS = contextMenuParams().editFlags
const params = contextMenuParams

function recordingActions() {
  const calls: string[] = []
  return {
    calls,
    actions: {
      replaceMisspelling: (word: string) => calls.push(`replace ${word}`),
      addToDictionary: (word: string) => calls.push(`add ${word}`),
      openExternal: (url: string) => calls.push(`open ${url}`),
      copyText: (text: string) => calls.push(`copy ${text}`),
    },
  }
}

/** What the writer sees: labels, roles and separators, with disabled items marked. */
function shape(items: ContextMenuItem[]): string[] {
  return items.map((item) => {
    if ('type' in item) return '---'
    if ('role' in item) return `${item.role}${item.enabled ? '' : ' (disabled)'}`
    return `${item.label}${item.enabled === false ? ' (disabled)' : ''}`
  })
}

function click(items: ContextMenuItem[], label: string): void {
  const item = items.find((candidate) => 'label' in candidate && candidate.label === label)
  if (!item || !('click' in item) || !item.click) throw new Error(`no clickable "${label}"`)
  item.click()
}

describe('contextMenuTemplate', () => {
  it('offers spelling suggestions for a misspelled word in the editor, then the edit commands', () => {
    const { calls, actions } = recordingActions()
    const items = contextMenuTemplate(
      params({
        isEditable: true,
        misspelledWord: 'teh',
        dictionarySuggestions: ['the', 'ten', 'tea', 'tech', 'eh', 'tel', 'Ted'],
        editFlags: { ...NO_FLAGS, canUndo: true, canCopy: true, canPaste: true },
      }),
      actions,
    )
    expect(shape(items)).toEqual([
      'the',
      'ten',
      'tea',
      'tech',
      'eh',
      'Add “teh” to Dictionary',
      '---',
      'undo',
      'redo (disabled)',
      '---',
      'cut (disabled)',
      'copy',
      'paste',
      '---',
      'selectAll (disabled)',
    ])
    click(items, 'ten')
    click(items, 'Add “teh” to Dictionary')
    expect(calls).toEqual(['replace ten', 'add teh'])
  })

  it('says so when the spellchecker has no suggestion', () => {
    const items = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'Inkpress' }),
      recordingActions().actions,
    )
    expect(shape(items).slice(0, 2)).toEqual([
      'No Spelling Suggestions (disabled)',
      'Add “Inkpress” to Dictionary',
    ])
  })

  it('opens and copies safe links from the preview, never other schemes', () => {
    const { calls, actions } = recordingActions()
    const items = contextMenuTemplate(params({ linkURL: 'https://example.com/a b' }), actions)
    expect(shape(items)).toEqual(['Open Link in Browser', 'Copy Link Address'])
    click(items, 'Open Link in Browser')
    click(items, 'Copy Link Address')
    expect(calls).toEqual(['open https://example.com/a%20b', 'copy https://example.com/a%20b'])
    for (const linkURL of ['javascript:alert(1)', 'file:///etc/passwd', 'inkpress-asset://x']) {
      expect(contextMenuTemplate(params({ linkURL }), actions)).toEqual([])
    }
  })

  it('offers Copy for selected preview text and nothing on an empty spot', () => {
    const actions = recordingActions().actions
    const selected = params({
      selectionText: 'some words',
      editFlags: { ...NO_FLAGS, canCopy: true },
    })
    expect(shape(contextMenuTemplate(selected, actions))).toEqual(['copy'])
    expect(contextMenuTemplate(params({ selectionText: '  ' }), actions)).toEqual([])
  })

  it('ignores a misspelling outside an editable area', () => {
    const items = contextMenuTemplate(
      params({ misspelledWord: 'teh', dictionarySuggestions: ['the'] }),
      recordingActions().actions,
    )
    expect(items).toEqual([])
  })
})

describe('spellCheckerLanguagesFor', () => {
  const available = ['de-DE', 'en-GB', 'en-US', 'fr', 'pt-BR']

  it('takes the exact locale, else the same language, else US English', () => {
    expect(spellCheckerLanguagesFor('en-GB', available)).toEqual(['en-GB'])
    expect(spellCheckerLanguagesFor('de', available)).toEqual(['de-DE'])
    expect(spellCheckerLanguagesFor('fr-CA', available)).toEqual(['fr'])
    expect(spellCheckerLanguagesFor('pt_BR', available)).toEqual(['pt-BR'])
    expect(spellCheckerLanguagesFor('ja', available)).toEqual(['en-US'])
  })

  it('sets nothing when no dictionary is available', () => {
    expect(spellCheckerLanguagesFor('ja', ['de-DE'])).toEqual([])
    expect(spellCheckerLanguagesFor('en-US', [])).toEqual([])
  })
})
