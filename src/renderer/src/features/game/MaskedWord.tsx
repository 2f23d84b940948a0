import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'

/**
 * The word as guessers see it: a box per letter, the revealed ones filled in. Screen readers
 * read one sentence instead of a row of blanks.
 */
export function MaskedWord({ hint }: { hint: (string | null)[] }): ReactElement {
  const t = useT()
  const letters = hint.filter((ch) => ch === null || ch.trim() !== '').length
  const shown = hint.filter((ch) => ch !== null && ch.trim() !== '').length
  const spoken = hint.map((ch) => (ch === null ? '_' : ch)).join(' ')
  return (
    <p className="game-word">
      <span className="visually-hidden">{`${t('game.wordLabel', { letters, shown })}: ${spoken}`}</span>
      {hint.map((ch, i) =>
        ch === null ? (
          <span key={i} className="game-slot is-hidden" aria-hidden="true">
            _
          </span>
        ) : ch.trim() === '' ? (
          <span key={i} className="game-gap" aria-hidden="true" />
        ) : (
          <span key={i} className="game-slot" aria-hidden="true">
            {ch}
          </span>
        ),
      )}
      <span className="game-letter-count" aria-hidden="true">
        {letters}
      </span>
    </p>
  )
}
