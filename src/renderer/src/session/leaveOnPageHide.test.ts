import { describe, expect, it, vi } from 'vitest'
import { leaveOnPageHide } from './leaveOnPageHide'

describe('leaveOnPageHide', () => {
  it('leaves when the page is hidden for good, and not after detaching', () => {
    const target = new EventTarget()
    const session = { leave: vi.fn(() => Promise.resolve()) }
    const detach = leaveOnPageHide(session, target)
    target.dispatchEvent(new Event('visibilitychange'))
    expect(session.leave).not.toHaveBeenCalled()
    target.dispatchEvent(new Event('pagehide'))
    expect(session.leave).toHaveBeenCalledTimes(1)
    detach()
    target.dispatchEvent(new Event('pagehide'))
    expect(session.leave).toHaveBeenCalledTimes(1)
  })
})
