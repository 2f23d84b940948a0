import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { GUESS_MAX_LENGTH, type GameState } from '../../../../shared/game/protocol'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'

/** Where guessers type; says instead why there is nothing to type (drawing, guessed, joined late). */
export function GuessBox({
  state,
  selfId,
}: {
  state: GameState
  selfId: string | null
}): ReactElement {
  const t = useT()
  const session = useSession()
  const inputId = useId()
  const [text, setText] = useState('')
  const self = state.players.find((p) => p.id === selfId)
  const drawing = state.drawerId === selfId
  const note = drawing ? t('game.drawerNoGuess') : self?.guessed ? t('game.youGuessed') : null

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const guess = text.trim()
    if (!guess) return
    setText('')
    void session.game.guess(guess)
  }

  if (note) return <p className="game-guess-note">{note}</p>
  return (
    <form className="game-guess" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('game.guessLabel')}
      </label>
      <input
        id={inputId}
        className="input"
        value={text}
        maxLength={GUESS_MAX_LENGTH}
        autoComplete="off"
        placeholder={t('game.guessPlaceholder')}
        disabled={state.phase !== 'drawing'}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="primary-button compact" disabled={state.phase !== 'drawing'}>
        {t('game.guessSend')}
      </button>
    </form>
  )
}
