import { describe, expect, it } from 'vitest'
import { isMacPlatform, matchShortcut, shortcutLabel, type KeyLike } from './shortcuts'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('matchShortcut', () => {
  it('uses Ctrl off macOS and Cmd on macOS', () => {
    expect(matchShortcut(key('d', { ctrlKey: true }), false)).toBe('toggleMic')
    expect(matchShortcut(key('E', { ctrlKey: true }), false)).toBe('toggleCamera')
    expect(matchShortcut(key('d', { metaKey: true }), true)).toBe('toggleMic')
    expect(matchShortcut(key('d', { metaKey: true }), false)).toBeNull()
    expect(matchShortcut(key('d', { ctrlKey: true }), true)).toBeNull()
  })

  it('opens the chat with Ctrl+Alt+C, or Cmd+Option+C whatever character Option makes', () => {
    expect(matchShortcut(key('c', { ctrlKey: true, altKey: true }), false)).toBe('toggleChat')
    expect(matchShortcut(key('ç', { code: 'KeyC', metaKey: true, altKey: true }), true)).toBe(
      'toggleChat',
    )
    expect(matchShortcut(key('c', { ctrlKey: true }), false)).toBeNull()
    expect(matchShortcut(key('d', { ctrlKey: true, altKey: true }), false)).toBeNull()
    expect(shortcutLabel('toggleChat', false)).toBe('Ctrl+Alt+C')
    expect(shortcutLabel('toggleChat', true)).toBe('⌘⌥C')
  })

  it('ignores plain keys and extra modifiers', () => {
    expect(matchShortcut(key('d'), false)).toBeNull()
    expect(matchShortcut(key('d', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
    expect(matchShortcut(key('x', { ctrlKey: true }), false)).toBeNull()
  })
})

describe('shortcutLabel', () => {
  it('names the keys the way each platform writes them', () => {
    expect(shortcutLabel('toggleMic', false)).toBe('Ctrl+D')
    expect(shortcutLabel('toggleCamera', true)).toBe('⌘E')
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
  })
})
