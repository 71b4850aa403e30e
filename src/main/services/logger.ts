/** Minimal logger seam; hosts decide where lines go. Never pass tokens or credentials. */
export interface Logger {
  info(message: string): void
  error(message: string, error?: unknown): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[inkpress] ${message}`),
  error: (message, error) =>
    console.error(
      `[inkpress] ${message}${error ? `: ${(error as Error)?.stack ?? String(error)}` : ''}`,
    ),
}

export const silentLogger: Logger = { info: () => {}, error: () => {} }
