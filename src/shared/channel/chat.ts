/**
 * Chat over the control channel: messages, and the recent history a late joiner asks one peer
 * for. History lives only in the peers' memory; the signaling server never sees any of it.
 */
import { z } from 'zod'
import { NAME_MAX_LENGTH } from '../limits'

/** Characters (code points) in one message. */
export const CHAT_TEXT_MAX = 2_000
/** Messages a late joiner is given. */
export const CHAT_HISTORY_MAX = 200
/** A history page stays under this many characters of JSON (the control frame limit is 64 Ki). */
export const CHAT_HISTORY_PAGE_CHARS = 48 * 1024

const ID = /^[A-Za-z0-9_-]{1,32}$/

/** Length as people count it: code points, so an emoji or a Hangul syllable is one. */
export function chatTextLength(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

/**
 * Bidi overrides, embeddings, isolates and marks, and control characters other than newline
 * and tab: none belongs in a chat line, and each could make a line look like someone else's
 * or hide part of it.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

export function cleanChatText(text: string): string {
  return text.replace(UNSAFE, '')
}

const text = z
  .string()
  .refine((value) => cleanChatText(value).trim().length > 0, 'empty message')
  .refine((value) => chatTextLength(value) <= CHAT_TEXT_MAX, 'message too long')

export const chatMessageSchema = z.strictObject({
  type: z.literal('chat'),
  /** Unique per sender (nanoid); (sender, id) identifies a message everywhere. */
  id: z.string().regex(ID),
  text,
  /** Sender's clock, milliseconds since the Unix epoch. */
  sentAt: z.number().int().nonnegative(),
})
export type ChatMessage = z.infer<typeof chatMessageSchema>

export const chatHistoryRequestSchema = z.strictObject({ type: z.literal('chat-history-request') })
export type ChatHistoryRequest = z.infer<typeof chatHistoryRequestSchema>

export const chatHistoryEntrySchema = z.strictObject({
  /** Peer id of the sender (who may have left). */
  from: z.string().min(1).max(64),
  /** The sender's name as the responder knew it. */
  name: z.string().min(1).max(NAME_MAX_LENGTH),
  id: z.string().regex(ID),
  text,
  sentAt: z.number().int().nonnegative(),
})
export type ChatHistoryEntry = z.infer<typeof chatHistoryEntrySchema>

export const chatHistorySchema = z.strictObject({
  type: z.literal('chat-history'),
  /** Oldest first; pages follow each other in order. */
  messages: z.array(chatHistoryEntrySchema).max(CHAT_HISTORY_MAX),
  /** True on the last page (also on an empty history). */
  done: z.boolean(),
})
export type ChatHistory = z.infer<typeof chatHistorySchema>
