import { describe, expect, it, vi } from 'vitest'
import type { CloseDuringCall } from '../preload/index.d'
import { closeDecisionSchema, CloseGuard, LEAVE_TIMEOUT_MS } from './closeGuard'

function setup(options: { preference?: CloseDuringCall; inCall?: boolean; tray?: boolean } = {}) {
  let preference = options.preference ?? 'ask'
  let inCall = options.inCall ?? true
  const timers: (() => void)[] = []
  const deps = {
    preference: () => preference,
    setPreference: vi.fn((value: CloseDuringCall) => {
      preference = value
    }),
    isInCall: () => inCall,
    requestClose: vi.fn(),
    window: { hide: vi.fn(), minimize: vi.fn(), close: vi.fn() },
    hasTray: () => options.tray ?? true,
    notifyStillRunning: vi.fn(),
    setTimeout: vi.fn((callback: () => void) => timers.push(callback)),
    clearTimeout: vi.fn(),
  }
  const guard = new CloseGuard(deps)
  const close = () => {
    const event = { preventDefault: vi.fn() }
    guard.handleClose(event)
    return event.preventDefault.mock.calls.length > 0
  }
  return {
    guard,
    deps,
    close,
    timers,
    setInCall: (value: boolean) => {
      inCall = value
    },
  }
}

describe('closing the window', () => {
  it('outside a call closes as usual', () => {
    const t = setup({ inCall: false })
    expect(t.close()).toBe(false)
    expect(t.deps.requestClose).not.toHaveBeenCalled()
  })

  it('"ask": the renderer asks; a second click does not stack requests', () => {
    const t = setup({ preference: 'ask' })
    expect(t.close()).toBe(true)
    expect(t.close()).toBe(true)
    expect(t.deps.requestClose.mock.calls).toEqual([[{ confirm: true }]])
    expect(t.deps.window.close).not.toHaveBeenCalled()
  })

  it('"ask" answered "keep in tray": hides the window and says the call goes on, once', () => {
    const t = setup({ preference: 'ask' })
    t.close()
    t.guard.decide({ action: 'tray', remember: false })
    expect(t.deps.window.hide).toHaveBeenCalledOnce()
    expect(t.deps.notifyStillRunning).toHaveBeenCalledOnce()
    expect(t.deps.setPreference).not.toHaveBeenCalled()
    t.close()
    t.guard.decide({ action: 'tray', remember: false })
    expect(t.deps.window.hide).toHaveBeenCalledTimes(2)
    expect(t.deps.notifyStillRunning).toHaveBeenCalledOnce()
  })

  it('"ask" answered "leave and close": the window closes, and that close goes through', () => {
    const t = setup({ preference: 'ask' })
    t.close()
    t.guard.decide({ action: 'quit', remember: false })
    expect(t.deps.window.close).toHaveBeenCalledOnce()
    // The renderer has left, but the call state may not have caught up yet.
    expect(t.close()).toBe(false)
  })

  it('"ask" answered "cancel": nothing happens and the next close asks again', () => {
    const t = setup({ preference: 'ask' })
    t.close()
    t.guard.decide({ action: 'cancel', remember: true })
    expect(t.deps.setPreference).not.toHaveBeenCalled()
    expect(t.deps.window.close).not.toHaveBeenCalled()
    expect(t.deps.window.hide).not.toHaveBeenCalled()
    t.close()
    expect(t.deps.requestClose).toHaveBeenCalledTimes(2)
  })

  it('"remember my choice" becomes the preference', () => {
    const t = setup({ preference: 'ask' })
    t.close()
    t.guard.decide({ action: 'tray', remember: true })
    expect(t.deps.setPreference).toHaveBeenCalledWith('tray')
    t.close()
    expect(t.deps.requestClose).toHaveBeenCalledOnce()
    expect(t.deps.window.hide).toHaveBeenCalledTimes(2)
  })

  it('"tray" hides without asking; with no tray icon it minimises instead', () => {
    const t = setup({ preference: 'tray' })
    expect(t.close()).toBe(true)
    expect(t.deps.window.hide).toHaveBeenCalledOnce()
    expect(t.deps.requestClose).not.toHaveBeenCalled()
    const noTray = setup({ preference: 'tray', tray: false })
    noTray.close()
    expect(noTray.deps.window.minimize).toHaveBeenCalledOnce()
    expect(noTray.deps.window.hide).not.toHaveBeenCalled()
  })

  it('"quit": the renderer leaves the call first; a silent renderer is not waited for', () => {
    const t = setup({ preference: 'quit' })
    t.close()
    expect(t.deps.requestClose).toHaveBeenCalledWith({ confirm: false })
    expect(t.deps.window.close).not.toHaveBeenCalled()
    expect(t.deps.setTimeout).toHaveBeenCalledWith(expect.any(Function), LEAVE_TIMEOUT_MS)
    t.timers[0]()
    expect(t.deps.window.close).toHaveBeenCalledOnce()
  })

  it('quitting on purpose (menu, Cmd+Q, update) is never held up', () => {
    const t = setup({ preference: 'ask' })
    t.guard.allowQuit()
    expect(t.close()).toBe(false)
  })

  it('a reloaded or crashed page is not waited for: the next close asks again', () => {
    const t = setup({ preference: 'ask' })
    t.close()
    t.guard.reset()
    t.close()
    expect(t.deps.requestClose).toHaveBeenCalledTimes(2)
  })

  it('ignores answers nobody asked for', () => {
    const t = setup()
    t.guard.decide({ action: 'quit', remember: true })
    expect(t.deps.window.close).not.toHaveBeenCalled()
    expect(t.deps.setPreference).not.toHaveBeenCalled()
  })

  it('validates the renderer answer', () => {
    expect(closeDecisionSchema.safeParse({ action: 'quit', remember: false }).success).toBe(true)
    expect(closeDecisionSchema.safeParse({ action: 'crash', remember: false }).success).toBe(false)
    expect(closeDecisionSchema.safeParse({ action: 'tray' }).success).toBe(false)
  })
})
