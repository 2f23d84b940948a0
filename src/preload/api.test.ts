import { describe, expect, it, vi } from 'vitest'
import { IPC } from '../shared/ipc'
import { createDesktopApi, type IpcRendererLike } from './api'

type Listener = Parameters<IpcRendererLike['on']>[1]

function fakeIpc(answers: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<Listener>>()
  const ipc = {
    invoke: vi.fn(async (channel: string) => answers[channel]),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn((channel: string, listener: Listener) =>
      listeners.get(channel)?.delete(listener),
    ),
  }
  const emit = (channel: string, payload?: unknown) => {
    const event = { sender: 'ipcRenderer-would-leak-here' } as never
    for (const listener of listeners.get(channel) ?? []) listener(event, payload)
  }
  return { ipc, emit, listeners }
}

describe('window.moim', () => {
  it('invokes the matching channels with the payload', async () => {
    const { ipc } = fakeIpc({ [IPC.screenListSources]: [] })
    const api = createDesktopApi(ipc, 'linux')
    expect(api.platform).toBe('linux')
    await api.screenShare.listSources({ types: ['screen'] })
    await api.screenShare.select({ sourceId: 'screen:0:0', audio: false })
    api.call.setState({ inCall: true, muted: true, room: 'friday' })
    api.screenShare.requestStop()
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.screenListSources, { types: ['screen'] })
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.screenSelect, {
      sourceId: 'screen:0:0',
      audio: false,
    })
    expect(ipc.send).toHaveBeenCalledWith(IPC.callState, {
      inCall: true,
      muted: true,
      room: 'friday',
    })
    expect(ipc.send).toHaveBeenCalledWith(IPC.screenRequestStop)
  })

  it('passes payloads, never the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc()
    const api = createDesktopApi(ipc, 'win32')
    const callback = vi.fn()
    const unsubscribe = api.call.onTrayAction(callback)
    emit(IPC.trayAction, 'leave')
    expect(callback.mock.calls).toEqual([['leave']])
    unsubscribe()
    emit(IPC.trayAction, 'leave')
    expect(callback).toHaveBeenCalledTimes(1)
    expect(listeners.get(IPC.trayAction)?.size).toBe(0)

    const stop = vi.fn()
    api.screenShare.onStopRequested(stop)
    emit(IPC.screenStopRequested, { sender: 'x' })
    expect(stop.mock.calls).toEqual([[]])
  })

  it('delivers queued deep links after subscribing, then live ones', async () => {
    const { ipc, emit } = fakeIpc({ [IPC.deepLinkReady]: [{ room: 'early', server: null }] })
    const api = createDesktopApi(ipc, 'darwin')
    const links = vi.fn()
    api.onDeepLink(links)
    await vi.waitFor(() => expect(links).toHaveBeenCalledWith({ room: 'early', server: null }))
    emit(IPC.deepLink, { room: 'late', server: null })
    expect(links).toHaveBeenLastCalledWith({ room: 'late', server: null })
  })

  it('updates, preferences and close requests use their own channels', async () => {
    const { ipc, emit } = fakeIpc({ [IPC.updateRestart]: { ok: true } })
    const api = createDesktopApi(ipc, 'win32')
    await expect(api.updates.restartToUpdate()).resolves.toEqual({ ok: true })
    await api.updates.check()
    await api.preferences.set({ closeDuringCall: 'tray' })
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.updateCheck, undefined)
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.preferencesSet, { closeDuringCall: 'tray' })
    const statuses = vi.fn()
    api.updates.onStatus(statuses)
    emit(IPC.updateStatus, { state: 'ready', version: '1.2.0' })
    expect(statuses).toHaveBeenCalledWith({ state: 'ready', version: '1.2.0' })
    const requests = vi.fn()
    api.window.onCloseRequested(requests)
    emit(IPC.windowCloseRequested, { confirm: true })
    expect(requests).toHaveBeenCalledWith({ confirm: true })
    api.window.respondToClose({ action: 'tray', remember: false })
    expect(ipc.send).toHaveBeenCalledWith(IPC.windowCloseDecision, {
      action: 'tray',
      remember: false,
    })
  })

  it('exposes no ipcRenderer, no generic send/invoke and no Node objects', () => {
    const { ipc } = fakeIpc()
    const api = createDesktopApi(ipc, 'freebsd')
    expect(api.platform).toBe('other')
    const seen = new Set<unknown>()
    const walk = (value: unknown): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return
      seen.add(value)
      expect(value).not.toBe(ipc)
      for (const child of Object.values(value)) walk(child)
    }
    walk(api)
    expect(Object.keys(api).sort()).toEqual(
      [
        'call',
        'getHostInfo',
        'files',
        'media',
        'notify',
        'onDeepLink',
        'openExternal',
        'platform',
        'preferences',
        'screenShare',
        'setHosting',
        'updates',
        'window',
      ].sort(),
    )
    expect(() => api.call.onTrayAction('nope' as never)).toThrow(TypeError)
  })

  it('passes the hosting switch and where a link comes from', async () => {
    const { ipc } = fakeIpc()
    const api = createDesktopApi(ipc, 'linux')
    await api.setHosting(true)
    await api.openExternal('https://a.example')
    await api.openExternal('https://b.example', { source: 'chat' })
    expect(ipc.invoke.mock.calls.slice(-3)).toEqual([
      [IPC.hostSetHosting, true],
      [IPC.openExternal, 'https://a.example'],
      [IPC.openExternal, { url: 'https://b.example', source: 'chat' }],
    ])
  })
})
