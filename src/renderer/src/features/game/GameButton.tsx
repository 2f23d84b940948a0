import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { useGameStore } from '../../store/useGameStore'
import { IconButton } from '../call/ui/IconButton'
import { GameIcon } from './icons'

/**
 * The call's "Draw & guess" button: the host opens the game settings; for everyone else, and
 * while a game runs, it says why it does nothing.
 */
export function GameButton({ dialogId }: { dialogId: string }): ReactElement {
  const t = useT()
  const session = useSession()
  const isHost = useCallStore((s) => s.room !== null && s.room.hostId === s.self?.id)
  const running = useGameStore((s) => s.state !== null && s.state.phase !== 'over')
  const settingsOpen = useGameStore((s) => s.settingsOpen)
  const label = t('game.open')
  const title = running ? t('game.running') : isHost ? label : t('game.onlyHost')
  return (
    <IconButton
      label={label}
      title={title}
      hasPopup="dialog"
      expanded={settingsOpen}
      controls={dialogId}
      disabled={!isHost || running}
      variant={running ? 'active' : 'default'}
      onClick={() => session.game.openSettings()}
    >
      <GameIcon />
    </IconButton>
  )
}
