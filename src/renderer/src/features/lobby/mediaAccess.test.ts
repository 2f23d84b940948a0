import { describe, expect, it } from 'vitest'
import type { MediaAccessKind, MediaAccessStatus, MoimDesktopApi } from '../../platform/desktop'
import { ensureMediaAccess, settingsPaneFor } from './mediaAccess'

function fakeDesktop(platform: MoimDesktopApi['platform'], status: MediaAccessStatus) {
  const asked: string[] = []
  const desktop = {
    platform,
    media: {
      getAccessStatus: async (_kind: MediaAccessKind) => status,
      askForAccess: async (kind: 'camera' | 'microphone') => {
        asked.push(kind)
        return true
      },
      openSystemSettings: async () => undefined,
    },
  }
  return { desktop, asked }
}

describe('ensureMediaAccess', () => {
  it('asks macOS for camera and microphone when not decided yet', async () => {
    const { desktop, asked } = fakeDesktop('darwin', 'not-determined')
    await ensureMediaAccess(desktop)
    expect(asked).toEqual(['camera', 'microphone'])
  })

  it('does not ask again once decided, nor on other systems or the web', async () => {
    for (const [platform, status] of [
      ['darwin', 'denied'],
      ['darwin', 'granted'],
      ['win32', 'not-determined'],
    ] as const) {
      const { desktop, asked } = fakeDesktop(platform, status)
      await ensureMediaAccess(desktop)
      expect(asked).toEqual([])
    }
    await expect(ensureMediaAccess(null)).resolves.toBeUndefined()
  })
})

describe('settingsPaneFor', () => {
  it('opens the pane of the denied device', () => {
    expect(settingsPaneFor('microphone')).toBe('microphone')
    expect(settingsPaneFor('camera+microphone')).toBe('camera')
    expect(settingsPaneFor(null)).toBe('camera')
  })
})
