import { describe, expect, it } from 'vitest'
import { historyShortcut } from './palette'

const key = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
) => ({
  key: code.slice(3).toLowerCase(),
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('historyShortcut', () => {
  it.each([
    ['Ctrl+Z', key('KeyZ', { ctrlKey: true }), false, 'undo'],
    ['Shift+Ctrl+Z', key('KeyZ', { ctrlKey: true, shiftKey: true }), false, 'redo'],
    ['Ctrl+Y', key('KeyY', { ctrlKey: true }), false, 'redo'],
    ['Cmd+Z on a Mac', key('KeyZ', { metaKey: true }), true, 'undo'],
    ['Shift+Cmd+Z on a Mac', key('KeyZ', { metaKey: true, shiftKey: true }), true, 'redo'],
    ['Ctrl+Z on a Mac', key('KeyZ', { ctrlKey: true }), true, null],
    ['Ctrl+Alt+Z', key('KeyZ', { ctrlKey: true, altKey: true }), false, null],
    ['Z alone', key('KeyZ', {}), false, null],
  ] as const)('%s', (_name, event, isMac, expected) => {
    expect(historyShortcut(event, isMac)).toBe(expected)
  })
})
