/** IPC for updates, closing the window during a call, and the preferences behind them. */
import type { CloseDecision, DesktopPreferences } from '../preload/index.d'
import { closeDecisionSchema } from './closeGuard'
import { IPC } from '../shared/ipc'
import { noPayload, type IpcRouter } from './ipc'
import { preferencesPatchSchema } from './preferences'
import type { UpdateController } from './updater'

export interface LifecycleIpcOptions {
  router: IpcRouter
  updates: Pick<UpdateController, 'getStatus' | 'check' | 'restartToUpdate'>
  preferences: {
    get(): DesktopPreferences
    update(patch: Partial<DesktopPreferences>): void
  }
  decideClose: (decision: CloseDecision) => void
}

export function setupLifecycleIpc(options: LifecycleIpcOptions): void {
  const { router, updates, preferences } = options
  router.handle(IPC.updateGetStatus, noPayload, () => updates.getStatus())
  router.handle(IPC.updateCheck, noPayload, () => updates.check())
  router.handle(IPC.updateRestart, noPayload, () => updates.restartToUpdate())
  const current = (): DesktopPreferences => ({
    closeDuringCall: preferences.get().closeDuringCall,
  })
  router.handle(IPC.preferencesGet, noPayload, current)
  router.handle(IPC.preferencesSet, preferencesPatchSchema, (patch) => {
    preferences.update(patch)
    return current()
  })
  router.on(IPC.windowCloseDecision, closeDecisionSchema, (decision) =>
    options.decideClose(decision),
  )
}
