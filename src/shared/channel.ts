/**
 * Messages on the "moim" RTCDataChannel (ordered, reliable): JSON text objects with a `type`.
 * Binary frames are reserved for file chunks.
 */
import { z } from 'zod'

export const DATA_CHANNEL_LABEL = 'moim'

/** What a peer is currently sending, so others can render mute/camera-off and screen tiles. */
export const mediaStateMessageSchema = z.strictObject({
  type: z.literal('media'),
  audio: z.boolean(),
  video: z.boolean(),
  /** MediaStream.id of the camera/microphone stream, or null when sending none. */
  cameraStreamId: z.string().max(128).nullable(),
  /** MediaStream.id of each active screen share. */
  screenStreamIds: z.array(z.string().max(128)).max(4),
})
export type MediaStateMessage = z.infer<typeof mediaStateMessageSchema>

export const channelMessageSchema = z.discriminatedUnion('type', [mediaStateMessageSchema])
export type ChannelMessage = z.infer<typeof channelMessageSchema>

/** Parses one text frame; returns null for anything malformed so one bad peer cannot break others. */
export function parseChannelMessage(text: string): ChannelMessage | null {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  const result = channelMessageSchema.safeParse(raw)
  return result.success ? result.data : null
}

/**
 * Parses one representative message, so the validator's one-time setup (its first run builds
 * and compiles each schema's checks) happens now, not when the first message arrives mid-join.
 */
export function primeChannelParser(): void {
  parseChannelMessage(
    JSON.stringify({
      type: 'media',
      audio: true,
      video: true,
      cameraStreamId: 'prime',
      screenStreamIds: [],
    } satisfies MediaStateMessage),
  )
}
