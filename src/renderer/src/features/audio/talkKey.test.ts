import { describe, expect, it } from 'vitest'
import { focusTakesSpace, isTalkKey, type FocusLike } from './talkKey'

const key = (over: Partial<Parameters<typeof isTalkKey>[0]> = {}) => ({
  code: 'Space',
  key: ' ',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...over,
})

const element = (
  tagName: string,
  role: string | null = null,
  editable = false,
  inDialog = false,
): FocusLike => ({
  tagName,
  isContentEditable: editable,
  getAttribute: (name) => (name === 'role' ? role : null),
  closest: (selector) => (selector === 'dialog[open]' && inDialog ? {} : null),
})

describe('push-to-talk key', () => {
  it('is Space alone', () => {
    expect(isTalkKey(key())).toBe(true)
    expect(isTalkKey(key({ code: 'KeyA', key: 'a' }))).toBe(false)
    expect(isTalkKey(key({ ctrlKey: true }))).toBe(false)
    expect(isTalkKey(key({ metaKey: true }))).toBe(false)
    expect(isTalkKey(key({ altKey: true }))).toBe(false)
    expect(isTalkKey(key({ isComposing: true }))).toBe(false)
  })

  it.each([
    ['the page body', element('BODY'), false],
    ['a video tile', element('FIGURE', 'figure'), false],
    ['nothing', null, false],
    ['a text field', element('INPUT'), true],
    ['the chat box', element('TEXTAREA'), true],
    ['a toolbar button', element('BUTTON'), false],
    ['a link', element('A'), false],
    ['a select', element('SELECT'), true],
    ['a checkbox', element('INPUT'), true],
    ['something with role=checkbox', element('DIV', 'checkbox'), true],
    ['an editable region', element('DIV', null, true), true],
    ['a button in an open dialog', element('BUTTON', null, false, true), true],
  ])('Space on %s belongs to it: %s', (_name, focused, takes) => {
    expect(focusTakesSpace(focused)).toBe(takes)
  })
})
