import { describe, expect, it } from 'vitest'
import { hasBidiControls, revealBidiControls } from './reveal-bidi'

describe('revealBidiControls', () => {
  it('names every bidirectional control character and leaves other text alone', () => {
    expect(revealBidiControls('report\u202Efdp.exe')).toBe('report⟦RLO⟧fdp.exe')
    expect(revealBidiControls('a\u2066b\u2069c\u200Fd')).toBe('a⟦LRI⟧b⟦PDI⟧c⟦RLM⟧d')
    expect(revealBidiControls('שלום, Hello — عربى')).toBe('שלום, Hello — عربى')
    expect(hasBidiControls('plain')).toBe(false)
    expect(hasBidiControls('x\u202Dy')).toBe(true)
  })

  it('covers the whole Trojan Source set (Unicode TR9 explicit formatting characters)', () => {
    const all = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'
    const revealed = revealBidiControls(all)
    expect(hasBidiControls(revealed)).toBe(false)
    expect(revealed.match(/⟦[A-Z]+⟧/g)).toHaveLength(12)
  })
})
