/**
 * The call's chat as the UI shows it: messages and quiet system lines (joins, leaves) in the
 * order they happened here, the unread count, whether the panel is open. Only session/ writes.
 */
import { createStore } from 'zustand/vanilla'

export interface ChatMessageItem {
  kind: 'message'
  /** Unique in the list: sender id + message id. */
  key: string
  from: string
  name: string
  text: string
  sentAt: number
  self: boolean
}

export interface ChatSystemItem {
  kind: 'system'
  key: string
  event: 'joined' | 'left'
  name: string
  at: number
}

export type ChatItem = ChatMessageItem | ChatSystemItem

/** Why the last send was refused, for the composer to say. */
export type ChatSendError = 'empty' | 'too-long' | 'not-in-call'

export interface ChatState {
  items: ChatItem[]
  /** Messages from others not yet seen (panel closed or window in the background). */
  unread: number
  panelOpen: boolean
  /** Desktop notifications for messages that arrive while the chat is not in view. */
  notifications: boolean
}

export function initialChatState(): ChatState {
  return { items: [], unread: 0, panelOpen: false, notifications: true }
}

export function createChatStore() {
  return createStore<ChatState>()(() => initialChatState())
}
export type ChatStore = ReturnType<typeof createChatStore>

export const chatStore = createChatStore()
