/** What the desktop shell's dialogs, banner and settings do when the user answers them. */
import type { CloseDecision, CloseDuringCall, MoimDesktopApi } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { desktopStore } from './desktopStore'

type Desktop = Pick<MoimDesktopApi, 'window' | 'updates' | 'preferences'>

/** The answer to "Leave the call?" (or the "leave and close" preference, without asking). */
export async function answerClose(
  decision: CloseDecision,
  session: Pick<Session, 'leave'>,
  desktop: Desktop,
): Promise<void> {
  desktopStore.setState({ closeAsked: false })
  // Leave properly first, so the others see a goodbye rather than a dropped connection.
  if (decision.action === 'quit') await session.leave()
  desktop.window.respondToClose(decision)
  if (decision.remember && decision.action !== 'cancel') {
    desktopStore.setState({ closeDuringCall: decision.action })
  }
}

export async function setCloseDuringCall(value: CloseDuringCall, desktop: Desktop): Promise<void> {
  const saved = await desktop.preferences.set({ closeDuringCall: value })
  desktopStore.setState({ closeDuringCall: saved.closeDuringCall })
}

export async function restartToUpdate(desktop: Desktop): Promise<void> {
  const result = await desktop.updates.restartToUpdate()
  desktopStore.setState({ restartRefused: !result.ok && result.reason === 'in-call' })
}

export async function checkForUpdates(desktop: Desktop): Promise<void> {
  desktopStore.setState({ update: await desktop.updates.check() })
}
