/**
 * A late joiner's board picture, decoded once: it is decoded as soon as it arrives (usePictureDecode
 * runs for the whole call), so opening the board finds it ready, and the painter asks for the same
 * promise. Decoding takes a busy 2-core machine a few hundred milliseconds, which would otherwise
 * all come after the click on Whiteboard.
 */
import { useEffect } from 'react'
import type { WhiteboardScene } from '../../session/whiteboardController'
import type { BoardPicture } from '../../../../shared/whiteboard/pictureCodec'

const decoded = new WeakMap<BoardPicture, Promise<ImageBitmap>>()

/** The picture's pixels; the same promise for the same picture. */
export function decodedPicture(picture: BoardPicture): Promise<ImageBitmap> {
  let bitmap = decoded.get(picture)
  if (!bitmap) {
    bitmap = decode(picture)
    decoded.set(picture, bitmap)
  }
  return bitmap
}

/** Decodes each picture the scene gets as it arrives, whether or not the board is open. */
export function usePictureDecode(scene: WhiteboardScene): void {
  useEffect(
    () =>
      scene.onLoad(() => {
        const picture = scene.picture()
        // A failure shows when the painter asks for it.
        if (picture) decodedPicture(picture).catch(() => undefined)
      }),
    [scene],
  )
}

function decode(picture: BoardPicture): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([picture.bytes], { type: `image/${picture.format}` }))
}
