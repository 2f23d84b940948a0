import { describe, expect, it } from 'vitest'
import { isSendKey } from './composerKeys'
import { splitLinks } from './linkify'
import { timeline } from './timeline'
import type { ChatItem } from '../../store/chatStore'

describe('splitLinks', () => {
  it.each([
    ['no links here', [{ kind: 'text', text: 'no links here' }]],
    [
      'see https://example.com/a?b=1.',
      [
        { kind: 'text', text: 'see ' },
        { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
        { kind: 'text', text: '.' },
      ],
    ],
    [
      '(https://en.wikipedia.org/wiki/Foo_(bar))',
      [
        { kind: 'text', text: '(' },
        {
          kind: 'link',
          text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
          href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
        },
        { kind: 'text', text: ')' },
      ],
    ],
    ['javascript:alert(1) file:///etc/passwd ftp://x.org www.x.org', null],
    ['<a href="https://x.org">x</a>', null],
  ])('%s', (text, expected) => {
    const segments = splitLinks(text)
    if (expected) expect(segments).toEqual(expected)
    else
      expect(segments.filter((s) => s.kind === 'link').map((s) => s.text)).toEqual(
        text.startsWith('<a') ? ['https://x.org'] : [],
      )
  })

  it('keeps every character of the text, links included', () => {
    const text = 'a http://a.b/c, b https://d.e/f! c'
    expect(
      splitLinks(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text)
  })
})

describe('isSendKey', () => {
  const key = (over: Partial<Parameters<typeof isSendKey>[0]>) => ({
    key: 'Enter',
    shiftKey: false,
    isComposing: false,
    keyCode: 13,
    ...over,
  })
  it('sends on Enter, adds a line on Shift+Enter', () => {
    expect(isSendKey(key({}))).toBe(true)
    expect(isSendKey(key({ shiftKey: true }))).toBe(false)
    expect(isSendKey(key({ key: 'a' }))).toBe(false)
  })
  it('never sends while an IME is composing (isComposing, or keyCode 229 in Safari)', () => {
    expect(isSendKey(key({ isComposing: true }))).toBe(false)
    expect(isSendKey(key({ keyCode: 229 }))).toBe(false)
  })
})

describe('timeline', () => {
  const msg = (from: string, sentAt: number, key = `${from}${sentAt}`): ChatItem => ({
    kind: 'message',
    key,
    from,
    name: from,
    text: 'x',
    sentAt,
    self: false,
  })
  it('groups consecutive messages of one sender, a system line or a long pause breaks a group', () => {
    const items: ChatItem[] = [
      msg('a', 0),
      msg('a', 1_000),
      msg('b', 2_000),
      { kind: 'system', key: 's', event: 'joined', name: 'c', at: 2_500 },
      msg('b', 3_000),
      msg('b', 3_000 + 6 * 60_000),
    ]
    expect(timeline(items).map((e) => e.groupStart)).toEqual([true, false, true, true, true, true])
  })
})
