/**
 * What the desktop shell shows on top of the lobby and the call: the updater's status, a close
 * request during a call, an invite link waiting for the user's confirmation, and the close
 * preference. Fed by useDesktopShell from window.moim; stays empty in the web client.
 */
import { createStore } from 'zustand/vanilla'
import type { CloseDuringCall, UpdateStatus } from '../../platform/desktop'
import type { DeepLinkOffer } from './deepLinkOffer'

export interface DesktopState {
  update: UpdateStatus | null
  /** "Restart to update" was refused because a call started meanwhile. */
  restartRefused: boolean
  /** The user closed the window during a call and is being asked what to do. */
  closeAsked: boolean
  closeDuringCall: CloseDuringCall | null
  /** An invite link shown in its confirmation dialog; nothing happens until the user answers. */
  linkOffer: DeepLinkOffer | null
}

export const INITIAL_DESKTOP_STATE: DesktopState = {
  update: null,
  restartRefused: false,
  closeAsked: false,
  closeDuringCall: null,
  linkOffer: null,
}

export const desktopStore = createStore<DesktopState>()(() => ({ ...INITIAL_DESKTOP_STATE }))
