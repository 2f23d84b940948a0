import { afterEach, beforeEach } from 'vitest'
import { resetPageErrors, unexpectedPageErrors } from './pageErrors'

// Registered for every spec (vitest.e2e.config.ts setupFiles): a test whose pages threw fails,
// even when everything it asserted held.
beforeEach(() => resetPageErrors())

afterEach((context) => {
  const errors = unexpectedPageErrors()
  resetPageErrors()
  if (errors.length === 0 || context.task.result?.state === 'fail') return
  throw new Error(`Errors in the pages during "${context.task.name}":\n${errors.join('\n')}`)
})
