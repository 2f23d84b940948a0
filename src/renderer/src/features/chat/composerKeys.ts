/** What a key press in the message box does. */
export interface ComposerKey {
  key: string
  shiftKey: boolean
  /** KeyboardEvent.isComposing: an IME (Korean, Japanese, Chinese) is mid-composition. */
  isComposing: boolean
  /** 229 while an IME handles the key (Safari reports composition only this way). */
  keyCode: number
}

/**
 * Enter sends; Shift+Enter adds a line. During IME composition Enter commits the syllable,
 * so it must never send: a half-composed "안녕하" would go out without its last character.
 */
export function isSendKey(event: ComposerKey): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229
}
