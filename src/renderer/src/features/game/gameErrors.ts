import type { StringKey, TranslateVars } from '../../i18n/translate'
import type { GameError } from '../../store/gameStore'

/** A refused game request as a sentence in the UI language. */
export function describeGameError(error: GameError): { key: StringKey; vars?: TranslateVars } {
  switch (error.code) {
    case 'NOT_HOST':
      return { key: 'game.errorNotHost' }
    case 'RATE_LIMITED':
      return { key: 'game.errorRateLimited' }
    case 'TIMEOUT':
      return { key: 'game.errorTimeout' }
    default:
      return { key: 'game.errorOther', vars: { message: error.message } }
  }
}
