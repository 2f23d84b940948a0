import type { Streams } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { createIpcRouter } from './ipc'
import { IPC } from '../shared/ipc'
import {
  hasSystemPicker,
  ScreenShareService,
  SELECTION_TTL_MS,
  SOURCE_LIST_REUSE_MS,
  type CapturerSourceLike,
  type GetSources,
} from './screenShare'
import { setupScreenShare } from './screenShareIpc'
import type { SystemAudioSupport } from './systemAudio'
import { FakeIpcMain } from './testing/fakeIpcMain'

function image(url: string | null) {
  return { isEmpty: () => url === null, toDataURL: () => url ?? '' }
}

const SOURCES: CapturerSourceLike[] = [
  {
    id: 'screen:0:0',
    name: 'Entire screen',
    display_id: '1',
    thumbnail: image('data:image/png;base64,AA'),
    appIcon: null,
  },
  {
    id: 'window:42:0',
    name: 'Slides',
    display_id: '',
    thumbnail: image('data:image/png;base64,BB'),
    appIcon: image('data:image/png;base64,CC'),
  },
  { id: 'window:43:0', name: 'Minimized', display_id: '', thumbnail: image(null), appIcon: null },
]

function setup(
  platform: NodeJS.Platform = 'win32',
  systemPicker = false,
  systemAudio: SystemAudioSupport = platform === 'win32'
    ? { supported: true }
    : { supported: false, limit: 'no-pulseaudio' },
) {
  let clock = 1_000_000
  const getSources = vi.fn<GetSources>(async (options) =>
    SOURCES.filter((s) => options.types.includes(s.id.startsWith('screen') ? 'screen' : 'window')),
  )
  let remembered = false
  const audioPreference = {
    get: () => remembered,
    set: vi.fn((value: boolean) => {
      remembered = value
    }),
  }
  const log = vi.fn()
  const service = new ScreenShareService({
    getSources,
    platform,
    systemPicker,
    systemAudio,
    audioPreference,
    policy: createOriginPolicy(),
    now: () => clock,
    log,
  })
  const ipcMain = new FakeIpcMain()
  const router = createIpcRouter(ipcMain, createOriginPolicy(), log)
  const session = { setDisplayMediaRequestHandler: vi.fn() }
  const bar = { show: vi.fn(), hide: vi.fn() }
  const sendToMainWindow = vi.fn()
  setupScreenShare({ router, session, service, bar, sendToMainWindow, useSystemPicker: false })
  const handler = session.setDisplayMediaRequestHandler.mock.calls[0][0]
  /** Simulates navigator.mediaDevices.getDisplayMedia() from the app page. */
  const getDisplayMedia = (audioRequested = false, url = 'app://moim/index.html') =>
    new Promise<Streams | null>((resolve) =>
      handler(
        {
          frame: { url },
          securityOrigin: 'app://moim',
          audioRequested,
          videoRequested: true,
          userGesture: true,
        },
        resolve,
      ),
    )
  return {
    service,
    ipcMain,
    session,
    bar,
    sendToMainWindow,
    getSources,
    audioPreference,
    getDisplayMedia,
    advance: (ms: number) => {
      clock += ms
    },
  }
}

describe('picker IPC flow', () => {
  it('lists sources with thumbnails and icons, then shares the selected one', async () => {
    const t = setup()
    const listed = await t.ipcMain.invoke(IPC.screenListSources, {
      types: ['window'],
      thumbnailSize: { width: 320, height: 180 },
    })
    expect(listed).toEqual([
      {
        id: 'window:42:0',
        name: 'Slides',
        type: 'window',
        displayId: '',
        thumbnail: 'data:image/png;base64,BB',
        appIcon: 'data:image/png;base64,CC',
      },
      {
        id: 'window:43:0',
        name: 'Minimized',
        type: 'window',
        displayId: '',
        thumbnail: '',
        appIcon: null,
      },
    ])
    expect(t.getSources).toHaveBeenCalledWith({
      types: ['window'],
      thumbnailSize: { width: 320, height: 180 },
      fetchWindowIcons: true,
    })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'window:42:0', audio: false })
    await expect(t.getDisplayMedia()).resolves.toEqual({
      video: { id: 'window:42:0', name: 'Slides' },
    })
  })

  it('reuses a listing requested again within a second and refreshes after', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    expect(t.getSources).toHaveBeenCalledTimes(1)
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['window'] })
    expect(t.getSources).toHaveBeenCalledTimes(2)
    t.advance(SOURCE_LIST_REUSE_MS)
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    expect(t.getSources).toHaveBeenCalledTimes(3)
  })

  it('does not cache a failed listing', async () => {
    const t = setup()
    t.getSources.mockRejectedValueOnce(new Error('capturer busy'))
    await expect(t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })).rejects.toThrow(
      'capturer busy',
    )
    await expect(
      t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] }),
    ).resolves.toHaveLength(1)
  })

  it.each([
    [{ types: [] }],
    [{ types: ['tab'] }],
    [{ types: ['screen', 'screen'] }],
    [{ types: ['screen'], thumbnailSize: { width: 99999, height: 10 } }],
    [{ types: ['screen'], extra: 1 }],
    ['screen'],
  ])('rejects the listing request %j', async (payload) => {
    const t = setup()
    await expect(t.ipcMain.invoke(IPC.screenListSources, payload)).rejects.toThrow(
      /invalid payload/,
    )
    expect(t.getSources).not.toHaveBeenCalled()
  })

  it('accepts only ids from the latest listing', async () => {
    const t = setup()
    await expect(
      t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: false }),
    ).rejects.toThrow(/unknown screen source/)
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await expect(
      t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'window:42:0', audio: false }),
    ).rejects.toThrow(/unknown screen source/)
    await expect(t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0' })).rejects.toThrow(
      /invalid payload/,
    )
  })

  it('shows the sharing bar and forwards its Stop to the main window', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenSharingStarted)
    expect(t.bar.show).toHaveBeenCalled()
    t.ipcMain.send(IPC.screenRequestStop)
    expect(t.bar.hide).toHaveBeenCalled()
    expect(t.sendToMainWindow).toHaveBeenCalledWith(IPC.screenStopRequested)
    await t.ipcMain.invoke(IPC.screenSharingStopped)
    expect(t.bar.hide).toHaveBeenCalledTimes(2)
  })
})

describe('display-media handler', () => {
  it('refuses getDisplayMedia when the picker was cancelled (no selection)', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await expect(t.getDisplayMedia()).resolves.toBeNull()
  })

  it('uses a selection once only', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: false })
    await expect(t.getDisplayMedia()).resolves.not.toBeNull()
    await expect(t.getDisplayMedia()).resolves.toBeNull()
  })

  it('drops a stale selection', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: false })
    t.advance(SELECTION_TTL_MS + 1)
    await expect(t.getDisplayMedia()).resolves.toBeNull()
  })

  it('refuses pages that are not the app', async () => {
    const t = setup()
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: false })
    await expect(t.getDisplayMedia(false, 'https://evil.example/')).resolves.toBeNull()
  })

  it('adds loopback system audio on Windows when asked and remembers the choice', async () => {
    const t = setup('win32')
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: true })
    await expect(t.getDisplayMedia(true)).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
      audio: 'loopback',
    })
    expect(t.audioPreference.set).toHaveBeenCalledWith(true)
    await expect(t.ipcMain.invoke(IPC.screenCapabilities)).resolves.toEqual({
      systemPicker: false,
      systemAudio: true,
      systemAudioLimit: null,
      rememberedAudio: true,
    })
  })

  it('adds loopback system audio on macOS 12.3+ and Linux with PulseAudio/PipeWire too', async () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const t = setup(platform, false, { supported: true })
      await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
      await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: true })
      await expect(t.getDisplayMedia(true)).resolves.toEqual({
        video: { id: 'screen:0:0', name: 'Entire screen' },
        audio: 'loopback',
      })
    }
  })

  it('says why system audio is not offered', async () => {
    const t = setup('darwin', false, { supported: false, limit: 'macos-too-old' })
    await expect(t.ipcMain.invoke(IPC.screenCapabilities)).resolves.toEqual({
      systemPicker: false,
      systemAudio: false,
      systemAudioLimit: 'macos-too-old',
      rememberedAudio: false,
    })
  })

  it('never adds system audio where Electron cannot capture it', async () => {
    const t = setup('linux')
    await t.ipcMain.invoke(IPC.screenListSources, { types: ['screen'] })
    await t.ipcMain.invoke(IPC.screenSelect, { sourceId: 'screen:0:0', audio: true })
    await expect(t.getDisplayMedia(true)).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
    })
    expect(t.audioPreference.set).not.toHaveBeenCalled()
  })

  it('lets the Wayland portal pick when there is no selection', async () => {
    const t = setup('linux', true)
    await expect(t.getDisplayMedia()).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Entire screen' },
    })
    t.getSources.mockResolvedValueOnce([])
    await expect(t.getDisplayMedia()).resolves.toBeNull()
  })
})

describe('hasSystemPicker', () => {
  it.each([
    ['darwin', '24.1.0', {}, true],
    ['darwin', '23.6.0', {}, false],
    ['linux', '6.8.0', { XDG_SESSION_TYPE: 'wayland' }, true],
    ['linux', '6.8.0', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['linux', '6.8.0', { XDG_SESSION_TYPE: 'x11' }, false],
    ['win32', '10.0.22631', {}, false],
  ] as const)('%s %s %j -> %s', (platform, release, env, expected) => {
    expect(hasSystemPicker(platform, release, env)).toBe(expected)
  })
})
