/** The draw-and-guess game's views for the call screen. */
import type { GameViewState } from '../../store/gameStore'

export { GameButton } from './GameButton'
export { GameSettingsDialog } from './GameSettingsDialog'
export { GameStage } from './GameStage'

/** One settings dialog per window: the button and the dialog agree on its id. */
export const GAME_SETTINGS_DIALOG_ID = 'game-settings-dialog'

/** Whether the game takes the stage: while it runs, and on its podium until closed here. */
export function isGameShown(s: GameViewState): boolean {
  return s.state !== null && !(s.state.phase === 'over' && s.dismissedGameId === s.state.gameId)
}
