import { describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { createIpcRouter } from './ipc'
import { IPC } from '../shared/ipc'
import { createMediaAccess } from './mediaAccess'
import { setupShellIpc } from './shellIpc'
import { FakeIpcMain } from './testing/fakeIpcMain'

const HOST = {
  serverUrl: 'http://127.0.0.1:5000',
  lanUrls: [],
  hosting: false,
  certificateFingerprint: null,
  certificatePin: null,
}

function setup(confirm = true) {
  const ipcMain = new FakeIpcMain()
  const router = createIpcRouter(ipcMain, createOriginPolicy(), vi.fn())
  const options = {
    router,
    hostInfo: vi.fn(async () => HOST),
    setHosting: vi.fn(async (enabled: boolean) => ({ ...HOST, hosting: enabled })),
    deepLinksReady: vi.fn(() => [{ room: 'friday', server: null }]),
    setCallState: vi.fn(),
    notify: vi.fn(() => true),
    mediaAccess: createMediaAccess({
      platform: 'darwin',
      systemPreferences: {
        getMediaAccessStatus: () => 'granted',
        askForMediaAccess: async () => true,
      },
      openSettingsUrl: async () => undefined,
    }),
    openExternal: vi.fn(async () => undefined),
    confirmExternal: vi.fn(async () => confirm),
  }
  setupShellIpc(options)
  return { ipcMain, ...options }
}

describe('shell IPC', () => {
  it('answers host info and hands over queued deep links', async () => {
    const t = setup()
    await expect(t.ipcMain.invoke(IPC.hostInfo)).resolves.toEqual(HOST)
    await expect(t.ipcMain.invoke(IPC.hostSetHosting, true)).resolves.toMatchObject({
      hosting: true,
    })
    await expect(t.ipcMain.invoke(IPC.hostSetHosting, 'yes')).rejects.toThrow(/invalid payload/)
    await expect(t.ipcMain.invoke(IPC.deepLinkReady)).resolves.toEqual([
      { room: 'friday', server: null },
    ])
  })

  it('validates call state and notifications', async () => {
    const t = setup()
    t.ipcMain.send(IPC.callState, { inCall: true, muted: false, room: 'friday' })
    t.ipcMain.send(IPC.callState, { inCall: 'yes' })
    t.ipcMain.send(IPC.callState, { inCall: true, muted: false, room: 'x'.repeat(257) })
    expect(t.setCallState.mock.calls).toEqual([[{ inCall: true, muted: false, room: 'friday' }]])
    await expect(t.ipcMain.invoke(IPC.notify, { title: 'Ana', body: 'hi' })).resolves.toBe(true)
    await expect(t.ipcMain.invoke(IPC.notify, { title: '', body: 'hi' })).rejects.toThrow(
      /title is empty/,
    )
  })

  it('opens only http(s) links', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.openExternal, 'https://moim.app/help')
    expect(t.openExternal).toHaveBeenCalledWith('https://moim.app/help')
    await expect(t.ipcMain.invoke(IPC.openExternal, 'file:///etc/passwd')).rejects.toThrow(
      /only http and https/,
    )
    await expect(
      t.ipcMain.invoke(IPC.openExternal, 'x-apple.systempreferences:foo'),
    ).rejects.toThrow(/only http/)
  })

  it('asks before opening a link from chat, and keeps the scheme check', async () => {
    const declined = setup(false)
    const link = { url: 'https://evil.example/login', source: 'chat' }
    await expect(declined.ipcMain.invoke(IPC.openExternal, link)).resolves.toBe(false)
    expect(declined.confirmExternal).toHaveBeenCalledWith('https://evil.example/login')
    expect(declined.openExternal).not.toHaveBeenCalled()

    const accepted = setup(true)
    await expect(accepted.ipcMain.invoke(IPC.openExternal, link)).resolves.toBe(true)
    expect(accepted.openExternal).toHaveBeenCalledWith('https://evil.example/login')
    await expect(
      accepted.ipcMain.invoke(IPC.openExternal, { url: 'javascript:alert(1)', source: 'chat' }),
    ).rejects.toThrow(/only http and https/)
    expect(accepted.confirmExternal).toHaveBeenCalledTimes(1)
    await expect(
      accepted.ipcMain.invoke(IPC.openExternal, { url: 'https://a.example', source: 'mail' }),
    ).rejects.toThrow(/invalid payload/)
  })

  it('validates media kinds', async () => {
    const t = setup()
    await expect(t.ipcMain.invoke(IPC.mediaStatus, 'camera')).resolves.toBe('granted')
    await expect(t.ipcMain.invoke(IPC.mediaStatus, 'location')).rejects.toThrow(/invalid payload/)
    await expect(t.ipcMain.invoke(IPC.mediaAsk, 'screen')).rejects.toThrow(/invalid payload/)
  })
})
