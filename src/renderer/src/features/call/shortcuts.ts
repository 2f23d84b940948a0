/** Keyboard shortcuts in a call, shared by the key handler and the button titles. */
export type ShortcutAction = 'toggleMic' | 'toggleCamera' | 'toggleChat'

export interface KeyLike {
  key: string
  /** The physical key ("KeyC"): with Option held, macOS changes `key` ("ç"). */
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

interface Binding {
  key: string
  /** Also needs Alt (Option on macOS), as Google Meet's chat shortcut does. */
  alt: boolean
}

const BINDINGS: Record<ShortcutAction, Binding> = {
  toggleMic: { key: 'd', alt: false },
  toggleCamera: { key: 'e', alt: false },
  toggleChat: { key: 'c', alt: true },
}

function pressedKey(event: KeyLike): string {
  const code = event.code ?? ''
  return code.startsWith('Key') ? code.slice(3).toLowerCase() : event.key.toLowerCase()
}

/** Ctrl+key on Windows/Linux, Cmd+key on macOS, like Google Meet. */
export function matchShortcut(event: KeyLike, isMac: boolean): ShortcutAction | null {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!primary || event.shiftKey) return null
  const key = pressedKey(event)
  for (const action of Object.keys(BINDINGS) as ShortcutAction[]) {
    const binding = BINDINGS[action]
    if (binding.key === key && binding.alt === event.altKey) return action
  }
  return null
}

export function shortcutLabel(action: ShortcutAction, isMac: boolean): string {
  const { key, alt } = BINDINGS[action]
  const upper = key.toUpperCase()
  if (isMac) return `⌘${alt ? '⌥' : ''}${upper}`
  return `Ctrl+${alt ? 'Alt+' : ''}${upper}`
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform)
}
