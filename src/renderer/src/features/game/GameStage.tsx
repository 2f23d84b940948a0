import type { ReactElement, ReactNode } from 'react'
import type { GameState } from '../../../../shared/game/protocol'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import type { GameViewState } from '../../store/gameStore'
import { useGameStoreShallow } from '../../store/useGameStore'
import { Countdown } from './Countdown'
import { describeGameError } from './gameErrors'
import { GameChat } from './GameChat'
import { GuessBox } from './GuessBox'
import { MaskedWord } from './MaskedWord'
import { Podium } from './Podium'
import { Scoreboard } from './Scoreboard'
import { TurnReveal } from './TurnReveal'
import { WordChoice } from './WordChoice'
import './game.css'

/**
 * The game as the call's stage: the round, the word (the drawer's, or the masked one), the
 * countdown, the board with what the phase overlays on it, the scores and the guesses.
 * `board` is the whiteboard surface; the session lets only the drawer draw on it.
 */
export function GameStage({ board }: { board: ReactNode }): ReactElement | null {
  const view = useGameStoreShallow((s) => ({
    state: s.state,
    secret: s.secret,
    deadline: s.deadline,
    selfId: s.selfId,
    error: s.error,
    lines: s.lines,
    dismissed: s.dismissedGameId,
  }))
  const isHost = useCallStore((s) => s.room !== null && s.room.hostId === s.self?.id)
  const { state } = view
  if (!state || (state.phase === 'over' && view.dismissed === state.gameId)) return null
  return <GameStageView view={{ ...view, state, isHost }} board={board} />
}

export interface GameStageViewProps {
  view: Pick<GameViewState, 'secret' | 'deadline' | 'selfId' | 'error' | 'lines'> & {
    state: GameState
    isHost: boolean
  }
  board: ReactNode
}

/** The stage for one state of the game: a pure view of its props. */
export function GameStageView({ view, board }: GameStageViewProps): ReactElement {
  const t = useT()
  const session = useSession()
  const { state, secret, deadline, selfId, error, isHost, lines } = view

  const drawer = state.players.find((p) => p.id === state.drawerId)
  const drawerName = drawer?.name ?? ''
  const isDrawer = state.drawerId === selfId
  const canEnd = isHost || state.startedBy === selfId
  const errorText = error ? describeGameError(error) : null

  let word: ReactNode = null
  if (state.phase === 'drawing' && isDrawer && secret && 'word' in secret) {
    word = <p className="game-word is-secret">{t('game.youDraw', { word: secret.word })}</p>
  } else if (state.phase === 'drawing' && state.hint) {
    word = <MaskedWord hint={state.hint} />
  } else if (state.phase === 'choosing' && !isDrawer) {
    word = <p className="game-status">{t('game.choosing', { name: drawerName })}</p>
  }

  let overlay: ReactNode = null
  if (state.phase === 'choosing' && isDrawer && secret && 'choices' in secret) {
    overlay = <WordChoice choices={secret.choices} />
  } else if (state.phase === 'reveal') {
    overlay = <TurnReveal state={state} />
  } else if (state.phase === 'over') {
    overlay = <Podium state={state} canEnd={canEnd} />
  }

  return (
    <section className="game-stage" aria-labelledby="game-stage-title">
      <header className="game-hud">
        <h2 id="game-stage-title" className="game-title">
          {t('game.title')}
        </h2>
        <p className="game-round">
          {t('game.round', { round: state.round, rounds: state.settings.rounds })}
        </p>
        <div className="game-word-area">
          {word}
          {state.phase === 'drawing' && !isDrawer ? (
            <p className="visually-hidden">{t('game.drawing', { name: drawerName })}</p>
          ) : null}
        </div>
        {state.phase !== 'over' ? <Countdown deadline={deadline} /> : null}
        {canEnd && state.phase !== 'over' ? (
          <button
            type="button"
            className="secondary-button compact"
            onClick={() => void session.game.stop()}
          >
            {t('game.end')}
          </button>
        ) : null}
      </header>
      {errorText ? (
        <p className="game-error" role="alert">
          {t(errorText.key, errorText.vars)}{' '}
          <button type="button" className="link-button" onClick={() => session.game.clearError()}>
            {t('game.dismissError')}
          </button>
        </p>
      ) : null}
      <div className="game-main">
        <div className="game-board">
          {board}
          {overlay}
        </div>
        <aside className="game-side" aria-label={t('game.side')}>
          <Scoreboard state={state} selfId={selfId} />
          <GameChat lines={lines} selfId={selfId} />
          {state.phase !== 'over' ? <GuessBox state={state} selfId={selfId} /> : null}
        </aside>
      </div>
    </section>
  )
}
