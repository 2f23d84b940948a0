/** Keyboard shortcuts in a call, shared by the key handler and the button titles. */
export type ShortcutAction = 'toggleMic' | 'toggleCamera'

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

const KEYS: Record<ShortcutAction, string> = { toggleMic: 'd', toggleCamera: 'e' }

/** Ctrl+key on Windows/Linux, Cmd+key on macOS, like Google Meet. */
export function matchShortcut(event: KeyLike, isMac: boolean): ShortcutAction | null {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!primary || event.altKey || event.shiftKey) return null
  const key = event.key.toLowerCase()
  for (const action of Object.keys(KEYS) as ShortcutAction[]) {
    if (KEYS[action] === key) return action
  }
  return null
}

export function shortcutLabel(action: ShortcutAction, isMac: boolean): string {
  const key = KEYS[action].toUpperCase()
  return isMac ? `⌘${key}` : `Ctrl+${key}`
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform)
}
