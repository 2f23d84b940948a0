/** Chat notifications, shown only while the Moim window is not focused. */
import { z } from 'zod'
import type { ChatNotification } from '../preload/index.d'

export const NOTIFICATION_BODY_MAX = 300

export const chatNotificationSchema = z.strictObject({
  title: z.string().trim().min(1, 'title is empty').max(100, 'title is too long'),
  body: z.string().max(10_000, 'body is too long'),
})

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown
  show(): void
}

export interface NotifierOptions {
  isSupported: () => boolean
  create: (options: { title: string; body: string; silent: boolean }) => NotificationLike
  isWindowFocused: () => boolean
  focusMainWindow: () => void
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}

/** Returns true when a notification was shown. */
export function createNotifier(options: NotifierOptions): (payload: ChatNotification) => boolean {
  return (payload) => {
    if (options.isWindowFocused() || !options.isSupported()) return false
    const notification = options.create({
      title: payload.title,
      body: shorten(payload.body, NOTIFICATION_BODY_MAX),
      silent: false,
    })
    notification.on('click', options.focusMainWindow)
    notification.show()
    return true
  }
}
