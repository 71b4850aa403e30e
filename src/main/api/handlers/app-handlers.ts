import type { Handlers } from '../../../shared/api'
import { isAllowedExternalUrl } from '../../../shared/external-links'
import { AppFailure } from '../../../shared/result'
import type { SessionContext } from '../session-context'

export const appHandlers = (
  context: SessionContext,
): Pick<Handlers, 'app:info' | 'shell:openExternal'> => ({
  'app:info': async () => ({
    mode: context.mode,
    version: context.version,
    platform: process.platform,
  }),
  'shell:openExternal': async (url) => {
    if (!isAllowedExternalUrl(url)) {
      throw new AppFailure('INVALID_ARGUMENT', 'Only http, https and mailto links can be opened.')
    }
    if (!context.openExternal)
      throw new AppFailure('NOT_SUPPORTED', 'Opening links is handled by the browser here.')
    await context.openExternal(new URL(url).href)
  },
})
