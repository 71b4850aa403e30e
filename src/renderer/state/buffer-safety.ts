/** A pause this long after the last keystroke journals the buffer (outside the repository). */
export const JOURNAL_DELAY_MS = 400
/** A pause this long saves the post itself. */
export const AUTOSAVE_DELAY_MS = 1500

/**
 * Debounces per-buffer work (journal, autosave) so that typing never waits on disk, and
 * cancels it when the buffer is saved or replaced.
 */
export class PauseScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  poke(): void {
    this.cancel()
    this.timer = setTimeout(() => {
      this.timer = null
      this.run()
    }, this.delayMs)
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
