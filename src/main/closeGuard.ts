/**
 * Closing the main window during a call must not silently end the call (on Windows and Linux it
 * used to quit the app). Depending on the user's choice it keeps the call running in the tray,
 * asks (the renderer shows the dialog), or leaves the call cleanly before closing. Outside a
 * call, and when the user quits on purpose (Quit menu, Cmd+Q, restart to update), the window
 * closes as usual. Element and Discord behave the same way.
 */
import { z } from 'zod'
import type { CloseDecision, CloseDuringCall, CloseRequest } from '../preload/index.d'

/** How long a "leave and close" waits for the renderer to leave before closing anyway. */
export const LEAVE_TIMEOUT_MS = 5_000

export const closeDuringCallSchema = z.enum(['ask', 'tray', 'quit'])
export const closeDecisionSchema = z.strictObject({
  action: z.enum(['quit', 'tray', 'cancel']),
  remember: z.boolean(),
})

export interface CloseGuardOptions {
  preference: () => CloseDuringCall
  setPreference: (value: CloseDuringCall) => void
  isInCall: () => boolean
  /** Sends the request to the renderer (IPC.windowCloseRequested). */
  requestClose: (request: CloseRequest) => void
  window: { hide(): void; minimize(): void; close(): void }
  /** Without a tray icon a hidden window could not be found again: minimise instead. */
  hasTray: () => boolean
  /** Shown the first time the window goes to the tray: the call is still on. */
  notifyStillRunning: () => void
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

export class CloseGuard {
  private quitting = false
  private closing = false
  private pending: CloseRequest | null = null
  private timer: unknown = null
  private toldAboutTray = false

  constructor(private readonly options: CloseGuardOptions) {}

  /** The main window's 'close' event. */
  handleClose(event: { preventDefault(): void }): void {
    if (this.quitting || this.closing || !this.options.isInCall()) return
    event.preventDefault()
    const preference = this.options.preference()
    if (preference === 'tray') {
      this.toTray()
      return
    }
    // A second click on the close button while the dialog is open changes nothing.
    if (this.pending) return
    this.pending = { confirm: preference === 'ask' }
    this.options.requestClose(this.pending)
    if (!this.pending.confirm) {
      this.timer = this.options.setTimeout(() => this.closeNow(), LEAVE_TIMEOUT_MS)
    }
  }

  /** The renderer's answer to the latest request; ignored when nothing was asked. */
  decide(decision: CloseDecision): void {
    if (!this.pending) return
    this.pending = null
    this.clearTimer()
    if (decision.remember && decision.action !== 'cancel') {
      this.options.setPreference(decision.action)
    }
    if (decision.action === 'tray') this.toTray()
    else if (decision.action === 'quit') this.closeNow()
  }

  /** The app is quitting on purpose ('before-quit'): let the window close. */
  allowQuit(): void {
    this.quitting = true
    this.pending = null
    this.clearTimer()
  }

  /** The page that was asked is gone (reloaded, crashed, window closed): forget the question. */
  reset(): void {
    this.closing = false
    this.pending = null
    this.clearTimer()
  }

  private toTray(): void {
    if (!this.options.hasTray()) {
      this.options.window.minimize()
      return
    }
    this.options.window.hide()
    if (!this.toldAboutTray) {
      this.toldAboutTray = true
      this.options.notifyStillRunning()
    }
  }

  private closeNow(): void {
    this.pending = null
    this.clearTimer()
    this.closing = true
    this.options.window.close()
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clearTimeout(this.timer)
    this.timer = null
  }
}
