import type { Api } from '../../shared/api'
import { useInkpress } from '../state/store'

/** The API, reached through the app's transport (IPC on the desktop, HTTP in a browser). */
export function api(): Api {
  const transport = useInkpress.getState().transport
  if (!transport) throw new Error('Publishing is used before the app connected.')
  return transport.api
}
