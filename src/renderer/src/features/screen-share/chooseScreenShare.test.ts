import { describe, expect, it, vi } from 'vitest'
import type { MoimDesktopApi, ScreenShareCapabilities } from '../../platform/desktop'
import { chooseScreenShare, pickerStore } from './chooseScreenShare'

function fakeDesktop(capabilities: Partial<ScreenShareCapabilities> = {}) {
  const screenShare = {
    getCapabilities: vi.fn(async () => ({
      systemPicker: false,
      systemAudio: false,
      systemAudioLimit: null,
      rememberedAudio: false,
      ...capabilities,
    })),
    select: vi.fn(async () => undefined),
  }
  return { desktop: { screenShare } as unknown as MoimDesktopApi, screenShare }
}

describe('chooseScreenShare', () => {
  it('resolves at once in the web client (the browser shows its picker)', async () => {
    await expect(chooseScreenShare(null)).resolves.toEqual({ quality: 'text', audio: true })
  })

  it('selects the picked source in the main process before resolving', async () => {
    const { desktop, screenShare } = fakeDesktop({ systemAudio: true })
    const pick = vi.fn(async () => ({
      sourceId: 'window:42:0',
      quality: 'motion' as const,
      audio: true,
    }))
    await expect(chooseScreenShare(desktop, pick)).resolves.toEqual({
      quality: 'motion',
      audio: true,
    })
    expect(pick).toHaveBeenCalledWith({
      systemPicker: false,
      systemAudio: true,
      systemAudioLimit: null,
      rememberedAudio: false,
    })
    expect(screenShare.select).toHaveBeenCalledWith({ sourceId: 'window:42:0', audio: true })
  })

  it('resolves null and selects nothing when the picker is cancelled', async () => {
    const { desktop, screenShare } = fakeDesktop()
    await expect(chooseScreenShare(desktop, async () => null)).resolves.toBeNull()
    expect(screenShare.select).not.toHaveBeenCalled()
  })

  it('skips Moim’s picker where the OS picker runs inside getDisplayMedia', async () => {
    const { desktop } = fakeDesktop({ systemPicker: true })
    const pick = vi.fn()
    await expect(chooseScreenShare(desktop, pick)).resolves.toEqual({
      quality: 'text',
      audio: false,
    })
    expect(pick).not.toHaveBeenCalled()
  })

  it('opens the picker through the store and closes it on answer', async () => {
    const { desktop } = fakeDesktop()
    const choice = chooseScreenShare(desktop)
    await vi.waitFor(() => expect(pickerStore.getState().request).not.toBeNull())
    pickerStore
      .getState()
      .request?.resolve({ sourceId: 'screen:0:0', quality: 'text', audio: false })
    await expect(choice).resolves.toEqual({ quality: 'text', audio: false })
    expect(pickerStore.getState().request).toBeNull()
  })

  it('cancels an older open picker when a new one opens', async () => {
    const { desktop } = fakeDesktop()
    const first = chooseScreenShare(desktop)
    await vi.waitFor(() => expect(pickerStore.getState().request).not.toBeNull())
    const firstRequest = pickerStore.getState().request
    const second = chooseScreenShare(desktop)
    await vi.waitFor(() => expect(pickerStore.getState().request).not.toBe(firstRequest))
    await expect(first).resolves.toBeNull()
    pickerStore.getState().request?.resolve(null)
    await expect(second).resolves.toBeNull()
  })
})
