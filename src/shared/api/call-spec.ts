import type { z } from 'zod'

/** Carries a result type through the contract without a runtime value. */
export const returns = <T>() => undefined as unknown as T

export interface CallSpec<Args extends z.ZodTuple, Value> {
  args: Args
  result: Value
  /** One line for docs, help output and error messages. */
  summary: string
}

export const call = <Args extends z.ZodTuple, Value>(spec: CallSpec<Args, Value>) => spec
