import { CALL_NAMES, calls, type CallName, type Handlers } from '../../shared/api'
import { fail, isAppFailure, ok, type Result } from '../../shared/result'
import type { Logger } from '../services/logger'

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)

/**
 * The single entry every host goes through: schema-validate the raw arguments, run the
 * handler, and turn any failure into a readable `{ code, message }` value.
 */
export async function dispatchCall(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return fail('INVALID_ARGUMENT', `Unknown call "${String(name).slice(0, 80)}".`)
  }
  const parsed = calls[name].args.safeParse(rawArgs)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first && first.path.length > 0 ? ` (argument ${first.path.join('.')})` : ''
    return fail('INVALID_ARGUMENT', `${first?.message ?? 'Invalid arguments.'}${where}`)
  }
  try {
    const handler = handlers[name] as (...args: unknown[]) => Promise<unknown>
    return ok(await handler(...(parsed.data as unknown[])))
  } catch (error) {
    if (isAppFailure(error)) return fail(error.code, error.message)
    logger.error(`call ${name} failed`, error)
    return fail(
      'INTERNAL',
      `Something went wrong in ${name}: ${(error as Error)?.message ?? 'unknown error'}.`,
    )
  }
}
