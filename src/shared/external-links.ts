const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Parsed, not pattern-matched: `JaVaScRiPt:`, tabs and entities all fail URL parsing or the protocol check. */
export function isAllowedExternalUrl(candidate: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(candidate).protocol)
  } catch {
    return false
  }
}

/** The normalized URL to hand to the system browser, or null when it must not go there. */
export function externalHref(candidate: string): string | null {
  return isAllowedExternalUrl(candidate) ? new URL(candidate).href : null
}
