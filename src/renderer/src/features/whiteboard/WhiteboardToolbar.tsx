import { useId, useState, type ReactElement, type RefObject } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useWhiteboardStore } from '../../store/useWhiteboardStore'
import {
  WHITEBOARD_COLORS,
  WHITEBOARD_SIZES,
  type WhiteboardTool,
} from '../../store/whiteboardStore'
import type { BoardPainter } from './boardPainter'
import { ClearBoardDialog } from './ClearBoardDialog'
import { exportPng, fileStamp } from './exportPng'
import { DownloadIcon, EraserIcon, FillIcon, PenIcon, RedoIcon, TrashIcon, UndoIcon } from './icons'
import { COLOR_NAMES, SIZE_NAMES, TOOL_NAMES } from './palette'

const TOOLS: { tool: WhiteboardTool; icon: ReactElement }[] = [
  { tool: 'pen', icon: <PenIcon /> },
  { tool: 'eraser', icon: <EraserIcon /> },
  { tool: 'fill', icon: <FillIcon /> },
]

interface WhiteboardToolbarProps {
  painterRef: RefObject<BoardPainter | null>
}

/**
 * Tools, colours and sizes as radio groups (arrow keys move within a group, Tab between them),
 * then undo, redo, clear and export. Undo and redo act on the user's own drawing only.
 */
export function WhiteboardToolbar({ painterRef }: WhiteboardToolbarProps): ReactElement {
  const t = useT()
  const session = useSession()
  const whiteboard = session.whiteboard
  const name = useId()
  const tool = useWhiteboardStore((s) => s.tool)
  const color = useWhiteboardStore((s) => s.color)
  const size = useWhiteboardStore((s) => s.size)
  const canUndo = useWhiteboardStore((s) => s.canUndo)
  const canRedo = useWhiteboardStore((s) => s.canRedo)
  const [confirmClear, setConfirmClear] = useState(false)

  return (
    <div className="wb-toolbar" role="toolbar" aria-label={t('whiteboard.tools')}>
      <div className="wb-group" role="radiogroup" aria-label={t('whiteboard.tool')}>
        {TOOLS.map((item) => (
          <label key={item.tool} className="wb-choice wb-tool" title={t(TOOL_NAMES[item.tool])}>
            <input
              type="radio"
              name={`${name}-tool`}
              checked={tool === item.tool}
              onChange={() => whiteboard.setTool(item.tool)}
            />
            {item.icon}
            <span className="visually-hidden">{t(TOOL_NAMES[item.tool])}</span>
          </label>
        ))}
      </div>
      <div className="wb-group wb-colors" role="radiogroup" aria-label={t('whiteboard.color')}>
        {WHITEBOARD_COLORS.map((value) => (
          <label key={value} className="wb-choice wb-color" title={t(COLOR_NAMES[value])}>
            <input
              type="radio"
              name={`${name}-color`}
              checked={color === value}
              onChange={() => whiteboard.setColor(value)}
            />
            <span className="wb-swatch" style={{ background: value }} aria-hidden="true" />
            <span className="visually-hidden">{t(COLOR_NAMES[value])}</span>
          </label>
        ))}
      </div>
      <div className="wb-group" role="radiogroup" aria-label={t('whiteboard.size')}>
        {WHITEBOARD_SIZES.map((value) => (
          <label key={value} className="wb-choice wb-size" title={t(SIZE_NAMES[value])}>
            <input
              type="radio"
              name={`${name}-size`}
              checked={size === value}
              onChange={() => whiteboard.setSize(value)}
            />
            <span
              className="wb-dot"
              style={{ width: 4 + value / 2, height: 4 + value / 2 }}
              aria-hidden="true"
            />
            <span className="visually-hidden">{t(SIZE_NAMES[value])}</span>
          </label>
        ))}
      </div>
      <div className="wb-group">
        <button
          type="button"
          className="wb-action"
          aria-label={t('whiteboard.undo')}
          title={t('whiteboard.undo')}
          disabled={!canUndo}
          onClick={() => whiteboard.undo()}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="wb-action"
          aria-label={t('whiteboard.redo')}
          title={t('whiteboard.redo')}
          disabled={!canRedo}
          onClick={() => whiteboard.redo()}
        >
          <RedoIcon />
        </button>
        <button
          type="button"
          className="wb-action"
          aria-label={t('whiteboard.clear')}
          title={t('whiteboard.clear')}
          aria-haspopup="dialog"
          onClick={() => setConfirmClear(true)}
        >
          <TrashIcon />
        </button>
        <button
          type="button"
          className="wb-action"
          aria-label={t('whiteboard.export')}
          title={t('whiteboard.export')}
          onClick={() => {
            const painter = painterRef.current
            if (painter)
              exportPng(painter, t('whiteboard.fileName', { date: fileStamp(new Date()) }))
          }}
        >
          <DownloadIcon />
        </button>
      </div>
      {confirmClear ? (
        <ClearBoardDialog
          onCancel={() => setConfirmClear(false)}
          onConfirm={() => {
            setConfirmClear(false)
            whiteboard.clear()
          }}
        />
      ) : null}
    </div>
  )
}
