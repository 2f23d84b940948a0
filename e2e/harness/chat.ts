import type { Locator, Page } from 'playwright-core'
import { callControl, WAIT_TIMEOUT } from './ui'

export function chatPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Chat', exact: true })
}

export function chatLog(page: Page): Locator {
  return chatPanel(page).getByRole('log', { name: 'Messages', exact: true })
}

export function messageBox(page: Page): Locator {
  return chatPanel(page).getByRole('textbox', { name: 'Message', exact: true })
}

/** Opens the chat with its toolbar button (unless it is open) and waits for the message box. */
export async function openChat(page: Page): Promise<void> {
  if (!(await chatPanel(page).isVisible())) await callControl(page, 'Chat').click()
  await messageBox(page).waitFor({ timeout: WAIT_TIMEOUT })
}

export async function sendChat(page: Page, text: string): Promise<void> {
  await openChat(page)
  await messageBox(page).fill(text)
  await chatPanel(page).getByRole('button', { name: 'Send', exact: true }).click()
  await messageBox(page).and(page.locator('textarea:placeholder-shown')).waitFor()
}

/** The text of every message body in the chat log, in order. */
export async function chatTexts(page: Page): Promise<string[]> {
  return chatLog(page).locator('.chat-text').allTextContents()
}

/** Waits until the chat log's message bodies are exactly these, in this order. */
export async function expectChatTexts(page: Page, texts: string[]): Promise<void> {
  await page
    .waitForFunction(
      (expected: string[]) => {
        const doc = (
          globalThis as unknown as {
            document: { querySelectorAll: (s: string) => ArrayLike<{ textContent: string | null }> }
          }
        ).document
        const now = Array.from(
          doc.querySelectorAll('[role="log"] .chat-text'),
          (n) => n.textContent ?? '',
        )
        return now.length === expected.length && now.every((t, i) => t === expected[i])
      },
      texts,
      { timeout: WAIT_TIMEOUT, polling: 100 },
    )
    .catch(async (error: unknown) => {
      throw new Error(
        `Chat shows ${JSON.stringify(await chatTexts(page))}, not ${JSON.stringify(texts)}`,
        { cause: error },
      )
    })
}
