import { describe, expect, it, vi } from 'vitest'
import { createMediaAccess } from './mediaAccess'
import { chatNotificationSchema, createNotifier, NOTIFICATION_BODY_MAX } from './notifications'

describe('chat notifications', () => {
  function setup(focused: boolean) {
    const notification = { on: vi.fn(), show: vi.fn() }
    const create = vi.fn(() => notification)
    const focusMainWindow = vi.fn()
    const notify = createNotifier({
      isSupported: () => true,
      create,
      isWindowFocused: () => focused,
      focusMainWindow,
    })
    return { notify, create, notification, focusMainWindow }
  }

  it('is shown only when the window is not focused', () => {
    expect(setup(true).notify({ title: 'Ana', body: 'hi' })).toBe(false)
    const t = setup(false)
    expect(t.notify({ title: 'Ana', body: 'hi\n\nthere' })).toBe(true)
    expect(t.create).toHaveBeenCalledWith({ title: 'Ana', body: 'hi there', silent: false })
    expect(t.notification.show).toHaveBeenCalled()
    t.notification.on.mock.calls[0][1]()
    expect(t.focusMainWindow).toHaveBeenCalled()
  })

  it('cuts long messages', () => {
    const t = setup(false)
    t.notify({ title: 'Ana', body: 'x'.repeat(5000) })
    const body = (t.create.mock.calls[0] as unknown as [{ body: string }])[0].body
    expect(body).toHaveLength(NOTIFICATION_BODY_MAX)
    expect(body.endsWith('…')).toBe(true)
  })

  it.each([
    [{ title: '', body: 'x' }],
    [{ title: 'a'.repeat(101), body: '' }],
    [{ title: 'a' }],
    [{ title: 'a', body: 'b', icon: 'file:///x' }],
  ])('rejects %j', (payload) => {
    expect(chatNotificationSchema.safeParse(payload).success).toBe(false)
  })
})

describe('media access', () => {
  function setup(platform: NodeJS.Platform, status = 'denied') {
    const systemPreferences = {
      getMediaAccessStatus: vi.fn(() => status),
      askForMediaAccess: vi.fn(async () => false),
    }
    const openSettingsUrl = vi.fn(async () => undefined)
    return {
      access: createMediaAccess({ platform, systemPreferences, openSettingsUrl }),
      systemPreferences,
      openSettingsUrl,
    }
  }

  it('reports and asks on macOS, and opens the matching privacy pane', async () => {
    const t = setup('darwin')
    expect(t.access.getStatus('screen')).toBe('denied')
    await expect(t.access.ask('camera')).resolves.toBe(false)
    await t.access.openSettings('screen')
    expect(t.openSettingsUrl).toHaveBeenCalledWith(
      'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
    )
  })

  it('maps unexpected statuses to unknown', () => {
    expect(setup('darwin', 'weird').access.getStatus('camera')).toBe('unknown')
  })

  it('uses Windows privacy settings and never gates screen capture there', async () => {
    const t = setup('win32', 'granted')
    expect(t.access.getStatus('screen')).toBe('granted')
    await t.access.openSettings('microphone')
    expect(t.openSettingsUrl).toHaveBeenCalledWith('ms-settings:privacy-microphone')
    await expect(t.access.openSettings('screen')).rejects.toThrow(/no system settings page/)
  })

  it('treats Linux as always granted', async () => {
    const t = setup('linux')
    expect(t.access.getStatus('camera')).toBe('granted')
    await expect(t.access.ask('microphone')).resolves.toBe(true)
    expect(t.systemPreferences.getMediaAccessStatus).not.toHaveBeenCalled()
  })
})
