import type { StringKey, TranslateVars } from '../../i18n/translate'
import type { UpdateStatus } from '../../platform/desktop'

/** The sentence Settings shows for the updater's status. */
export function updateStatusText(status: UpdateStatus): { key: StringKey; vars?: TranslateVars } {
  switch (status.state) {
    case 'off':
      return {
        key:
          status.reason === 'development'
            ? 'desktop.updateOffDevelopment'
            : status.reason === 'unsupported'
              ? 'desktop.updateOffUnsupported'
              : 'desktop.updateOffNoFeed',
      }
    case 'idle':
      return { key: 'desktop.updateIdle' }
    case 'checking':
      return { key: 'desktop.updateChecking' }
    case 'up-to-date':
      return { key: 'desktop.updateUpToDate' }
    case 'available':
      return { key: 'desktop.updateAvailable', vars: { version: status.version } }
    case 'downloading':
      return {
        key: 'desktop.updateDownloading',
        vars: { version: status.version, percent: status.percent },
      }
    case 'ready':
      return { key: 'desktop.updateReadyStatus', vars: { version: status.version } }
    case 'error':
      return { key: 'desktop.updateError', vars: { message: status.message } }
  }
}
