import { z } from 'zod'

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
