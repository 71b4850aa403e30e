/** "2 commits waiting to publish", or nothing when none wait. */
export function waitingSummary(ahead: number): string | undefined {
  if (ahead === 0) return undefined
  return ahead === 1 ? '1 commit waiting to publish' : `${ahead} commits waiting to publish`
}
