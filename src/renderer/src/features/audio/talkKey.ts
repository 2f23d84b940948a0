/**
 * Push-to-talk's key: Space, unless focus is where Space types or sets something (text fields,
 * the chat box, selects, checkboxes and other inputs) or inside an open dialog. On a focused
 * button or link Space talks instead of pressing it (push-to-talk is on by choice, and Enter
 * still presses): otherwise the button that opened the settings would steal it.
 */
export interface KeyEventLike {
  code: string
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  isComposing?: boolean
}

export interface FocusLike {
  tagName: string
  isContentEditable?: boolean
  getAttribute(name: string): string | null
  closest(selector: string): unknown
}

const SPACE_TAKING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])
const SPACE_TAKING_ROLES = new Set([
  'checkbox',
  'switch',
  'radio',
  'option',
  'textbox',
  'combobox',
  'slider',
  'spinbutton',
])

export function isTalkKey(event: KeyEventLike): boolean {
  return (
    (event.code === 'Space' || event.key === ' ') &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.isComposing
  )
}

/** Whether Space belongs to the focused element rather than to push-to-talk. */
export function focusTakesSpace(focused: FocusLike | null): boolean {
  if (!focused) return false
  if (focused.isContentEditable) return true
  if (SPACE_TAKING_TAGS.has(focused.tagName.toUpperCase())) return true
  if (SPACE_TAKING_ROLES.has(focused.getAttribute('role') ?? '')) return true
  return focused.closest('dialog[open]') !== null
}
