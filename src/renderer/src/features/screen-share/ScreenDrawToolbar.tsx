import { useId, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { SCREEN_DRAW_COLORS } from '../../store/screenDrawStore'
import { useScreenDrawStore } from '../../store/useScreenDrawStore'
import { COLOR_NAMES } from '../whiteboard/palette'

interface ScreenDrawToolbarProps {
  board: string
  own: boolean
}

/** The overlay's pen colours (a radio group), "Pin marks" and, for the sharer, "Clear marks". */
export function ScreenDrawToolbar({ board, own }: ScreenDrawToolbarProps): ReactElement {
  const t = useT()
  const screenDraw = useSession().screenDraw
  const name = useId()
  const color = useScreenDrawStore((s) => s.color)
  const pinned = useScreenDrawStore((s) => s.pinned)

  return (
    <div className="sd-toolbar" role="toolbar" aria-label={t('screenDraw.tools')}>
      <div className="sd-colors" role="radiogroup" aria-label={t('screenDraw.color')}>
        {SCREEN_DRAW_COLORS.map((value) => (
          <label key={value} className="sd-color" title={t(COLOR_NAMES[value])}>
            <input
              type="radio"
              name={`${name}-color`}
              checked={color === value}
              onChange={() => screenDraw.setColor(value)}
            />
            <span className="sd-swatch" style={{ background: value }} aria-hidden="true" />
            <span className="visually-hidden">{t(COLOR_NAMES[value])}</span>
          </label>
        ))}
      </div>
      <button
        type="button"
        className="sd-button"
        aria-pressed={pinned}
        onClick={() => screenDraw.setPinned(!pinned)}
      >
        {t('screenDraw.pin')}
      </button>
      {own ? (
        <button type="button" className="sd-button" onClick={() => screenDraw.clear(board)}>
          {t('screenDraw.clear')}
        </button>
      ) : null}
    </div>
  )
}
