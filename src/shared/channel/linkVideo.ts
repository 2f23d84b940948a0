import { z } from 'zod'

/**
 * Sent to one peer when our camera video to it stops or resumes because its link cannot carry
 * it (per-link adaptation): the peer's tile then says why the picture froze while audio goes on.
 * Not sent when the camera is turned off; the `media` message says that.
 */
export const linkVideoMessageSchema = z.strictObject({
  type: z.literal('link-video'),
  paused: z.boolean(),
  reason: z.literal('poor-connection'),
})
export type LinkVideoMessage = z.infer<typeof linkVideoMessageSchema>
