import { vi } from 'vitest'

/**
 * Waits for an assertion to pass. Generous timeout: the fake network is fast, but CI machines
 * may be heavily loaded and a slow tick must not fail a correct test.
 */
export function eventually<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: 10_000, interval: 10 })
}
