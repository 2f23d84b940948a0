import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import {
  chatLog,
  chatPanel,
  chatTexts,
  expectChatTexts,
  messageBox,
  openChat,
  sendChat,
} from './harness/chat'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { callControl, expectRemoteVideosPlaying, WAIT_TIMEOUT } from './harness/ui'
import { useE2eWorld } from './harness/world'

describe('chat in the call', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('a message reaches each of the others exactly once; a late joiner sees the history in order', async () => {
    const room = { room: 'chat-history' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const chul = await world().join('Chul', room)
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))

    await openChat(ana.page)
    await expectAccessible(ana.page, { include: '.chat-panel' })
    await sendChat(ana.page, 'Hello from Ana')
    await sendChat(ana.page, '안녕하세요, 여러분')
    // Bo has not opened the chat: the button counts the unread messages.
    await callControl(bo.page, 'Chat').and(bo.page.locator('[aria-describedby]')).waitFor()
    await expect
      .poll(() => bo.page.locator('.icon-button-badge').textContent(), { timeout: WAIT_TIMEOUT })
      .toBe('2')
    await sendChat(chul.page, 'Chul here')
    const expected = ['Hello from Ana', '안녕하세요, 여러분', 'Chul here']
    await Promise.all([ana, bo, chul].map((p) => expectChatTexts(p.page, expected)))
    await openChat(bo.page)
    await expect.poll(() => bo.page.locator('.icon-button-badge').count()).toBe(0)

    const dana = await world().join('Dana', room)
    await openChat(dana.page)
    await expectChatTexts(dana.page, expected)
    await sendChat(dana.page, 'Dana made it')
    await Promise.all(
      [ana, bo, chul, dana].map((p) => expectChatTexts(p.page, [...expected, 'Dana made it'])),
    )
    // Joins show as quiet lines in the chat of those already there.
    await chatLog(ana.page).getByText('Dana joined').waitFor({ timeout: WAIT_TIMEOUT })
  })

  it('markup in a message is shown as text; only http(s) links are links', async () => {
    const room = { room: 'chat-text' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)
    const evil = '<img src=x onerror="window.__pwned=1"> and javascript:alert(1)'
    await sendChat(ana.page, evil)
    await sendChat(ana.page, 'see https://example.com/a?b=1.')
    await openChat(bo.page)
    await expectChatTexts(bo.page, [evil, 'see https://example.com/a?b=1.'])
    expect(await chatLog(bo.page).locator('img').count()).toBe(0)
    expect(
      await bo.page.evaluate(() => (globalThis as { __pwned?: number }).__pwned),
    ).toBeUndefined()
    const link = chatLog(bo.page).getByRole('link')
    expect(await link.count()).toBe(1)
    expect(await link.getAttribute('href')).toBe('https://example.com/a?b=1')
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await link.getAttribute('target')).toBe('_blank')
    await expectAccessible(bo.page, { include: '.chat-panel' })
  })

  it('Enter during IME composition sends nothing; Enter after it sends the whole word', async () => {
    const room = { room: 'chat-ime' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)
    await openChat(ana.page)
    await messageBox(ana.page).focus()
    const cdp = await ana.context.newCDPSession(ana.page)
    // Typing 안녕 with a Korean IME: the last syllable is still being composed.
    await cdp.send('Input.imeSetComposition', { text: '안녕', selectionStart: 2, selectionEnd: 2 })
    // The IME sees Enter first (key code 229) and commits the syllable.
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
    })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter' })
    await cdp.send('Input.insertText', { text: '안녕' })
    expect(await messageBox(ana.page).inputValue()).toBe('안녕')
    expect(await chatTexts(ana.page)).toEqual([])
    await messageBox(ana.page).press('Enter')
    await Promise.all([ana, bo].map((p) => expectChatTexts(p.page, ['안녕'])))
    // Shift+Enter adds a line; Escape closes the panel and keeps the draft.
    await messageBox(ana.page).pressSequentially('first')
    await messageBox(ana.page).press('Shift+Enter')
    await messageBox(ana.page).pressSequentially('second')
    expect(await messageBox(ana.page).inputValue()).toBe('first\nsecond')
    await messageBox(ana.page).press('Escape')
    await chatPanel(ana.page).waitFor({ state: 'hidden' })
    await ana.page.keyboard.press('Control+Alt+KeyC')
    await expect.poll(() => messageBox(ana.page).inputValue()).toBe('first\nsecond')
    await expect
      .poll(() =>
        ana.page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { tagName: string } | null } })
              .document.activeElement?.tagName,
        ),
      )
      .toBe('TEXTAREA')
  })
})
