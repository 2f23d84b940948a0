import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createOriginPolicy } from './appOrigin'
import { createIpcRouter, noPayload } from './ipc'
import { FakeIpcMain } from './testing/fakeIpcMain'

function setup() {
  const ipcMain = new FakeIpcMain()
  const log = vi.fn()
  const router = createIpcRouter(ipcMain, createOriginPolicy(), log)
  const handler = vi.fn((payload: { n: number }) => payload.n * 2)
  router.handle('double', z.strictObject({ n: z.number().int() }), handler)
  return { ipcMain, router, handler, log }
}

describe('IPC router', () => {
  it('runs the handler for the app origin with a valid payload', async () => {
    const { ipcMain, handler } = setup()
    await expect(ipcMain.invoke('double', { n: 21 })).resolves.toBe(42)
    expect(handler).toHaveBeenCalledOnce()
  })

  it.each([
    ['https://evil.example/', /untrusted sender https:\/\/evil\.example\//],
    ['file:///tmp/x.html', /untrusted sender/],
    ['app://other/', /untrusted sender/],
    [null, /untrusted sender \(gone\)/],
  ])('rejects a sender at %s before looking at the payload', async (url, message) => {
    const { ipcMain, handler } = setup()
    await expect(ipcMain.invoke('double', { n: 1 }, url as string)).rejects.toThrow(message)
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([[undefined], [{ n: 'x' }], [{ n: 1, extra: true }], [{ n: 1.5 }]])(
    'rejects the payload %j with a clear message',
    async (payload) => {
      const { ipcMain, handler } = setup()
      await expect(ipcMain.invoke('double', payload)).rejects.toThrow(/^double: invalid payload/)
      expect(handler).not.toHaveBeenCalled()
    },
  )

  it('drops and logs bad fire-and-forget messages', () => {
    const { ipcMain, router, log } = setup()
    const listener = vi.fn()
    router.on('ping', noPayload, listener)
    ipcMain.send('ping', undefined)
    ipcMain.send('ping', { sneaky: 1 })
    ipcMain.send('ping', undefined, 'https://evil.example/')
    expect(listener).toHaveBeenCalledOnce()
    expect(log).toHaveBeenCalledTimes(2)
  })

  it('removes everything it registered on dispose', () => {
    const { ipcMain, router } = setup()
    router.on('ping', noPayload, vi.fn())
    router.dispose()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listeners.size).toBe(0)
  })
})
