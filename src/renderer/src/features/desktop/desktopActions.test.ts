import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MoimDesktopApi } from '../../platform/desktop'
import { answerClose, restartToUpdate, setCloseDuringCall } from './desktopActions'
import { desktopStore, INITIAL_DESKTOP_STATE } from './desktopStore'

function fakeDesktop() {
  const order: string[] = []
  const desktop = {
    window: {
      respondToClose: vi.fn((decision: { action: string }) => order.push(decision.action)),
    },
    updates: { restartToUpdate: vi.fn(async () => ({ ok: false, reason: 'in-call' })) },
    preferences: { set: vi.fn(async () => ({ closeDuringCall: 'quit' })) },
  }
  const session = { leave: vi.fn(async () => void order.push('leave')) }
  return { desktop: desktop as unknown as MoimDesktopApi, mock: desktop, session, order }
}

beforeEach(() => desktopStore.setState({ ...INITIAL_DESKTOP_STATE, closeAsked: true }))

describe('answering "Leave the call?"', () => {
  it('"Leave and close" leaves the call before the window closes', async () => {
    const t = fakeDesktop()
    await answerClose({ action: 'quit', remember: false }, t.session, t.desktop)
    expect(t.order).toEqual(['leave', 'quit'])
    expect(desktopStore.getState().closeAsked).toBe(false)
  })

  it('"Keep the call running" and "Cancel" stay in the call; remembering updates Settings', async () => {
    const t = fakeDesktop()
    await answerClose({ action: 'tray', remember: true }, t.session, t.desktop)
    await answerClose({ action: 'cancel', remember: true }, t.session, t.desktop)
    expect(t.session.leave).not.toHaveBeenCalled()
    expect(t.order).toEqual(['tray', 'cancel'])
    expect(desktopStore.getState().closeDuringCall).toBe('tray')
  })
})

describe('settings and updates', () => {
  it('shows what the main process saved', async () => {
    const t = fakeDesktop()
    await setCloseDuringCall('quit', t.desktop)
    expect(t.mock.preferences.set).toHaveBeenCalledWith({ closeDuringCall: 'quit' })
    expect(desktopStore.getState().closeDuringCall).toBe('quit')
  })

  it('says when a restart was refused because of a call', async () => {
    const t = fakeDesktop()
    await restartToUpdate(t.desktop)
    expect(desktopStore.getState().restartRefused).toBe(true)
  })
})
