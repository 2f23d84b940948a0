import type { StringKey } from '../../i18n/translate'
import type { WHITEBOARD_COLORS, WHITEBOARD_SIZES } from '../../store/whiteboardStore'
import { type WhiteboardTool } from '../../store/whiteboardStore'

/** Each palette colour's spoken name (the swatch alone says nothing to a screen reader). */
export const COLOR_NAMES: Record<(typeof WHITEBOARD_COLORS)[number], StringKey> = {
  '#111827': 'whiteboard.colorBlack',
  '#6b7280': 'whiteboard.colorGray',
  '#ffffff': 'whiteboard.colorWhite',
  '#dc2626': 'whiteboard.colorRed',
  '#ea580c': 'whiteboard.colorOrange',
  '#facc15': 'whiteboard.colorYellow',
  '#16a34a': 'whiteboard.colorGreen',
  '#2563eb': 'whiteboard.colorBlue',
  '#7c3aed': 'whiteboard.colorPurple',
  '#db2777': 'whiteboard.colorPink',
  '#92400e': 'whiteboard.colorBrown',
  '#0891b2': 'whiteboard.colorTeal',
}

export const SIZE_NAMES: Record<(typeof WHITEBOARD_SIZES)[number], StringKey> = {
  3: 'whiteboard.sizeSmall',
  8: 'whiteboard.sizeMedium',
  16: 'whiteboard.sizeLarge',
  32: 'whiteboard.sizeHuge',
}

export const TOOL_NAMES: Record<WhiteboardTool, StringKey> = {
  pen: 'whiteboard.pen',
  eraser: 'whiteboard.eraser',
  fill: 'whiteboard.fill',
}

/** Whether a keyboard event is undo (Ctrl/Cmd+Z) or redo (Shift+Ctrl/Cmd+Z, Ctrl+Y). */
export function historyShortcut(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  isMac: boolean,
): 'undo' | 'redo' | null {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!primary || event.altKey) return null
  if (event.code === 'KeyZ') return event.shiftKey ? 'redo' : 'undo'
  if (event.code === 'KeyY' && !isMac && !event.shiftKey) return 'redo'
  return null
}
