import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCli } from './cli'

afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
})

describe('moim-server CLI', () => {
  it('prints help with every option', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    await runCli(['--help'], {})
    const text = out.mock.calls.map((c) => String(c[0])).join('')
    for (const option of [
      '--port',
      '--host',
      '--allowed-origins',
      '--turn-secret',
      '--redis-url',
    ]) {
      expect(text).toContain(option)
    }
  })

  it('refuses bad configuration with a message and exit code 2, before listening', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    await runCli(['--max-capacity', '40'], { PORT: '0' })
    expect(err).toHaveBeenCalledWith('moim-server: MAX_CAPACITY must be between 2 and 12, got 40\n')
    expect(process.exitCode).toBe(2)
  })
})
