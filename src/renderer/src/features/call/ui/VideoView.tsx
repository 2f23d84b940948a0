import { useEffect, useRef, type ReactElement } from 'react'

interface VideoViewProps {
  stream: MediaStream | null
  /** Own streams are muted so the user never hears themselves. */
  muted: boolean
  mirrored?: boolean
  /** Screen shares are letterboxed ("contain") so nothing is cut off. */
  fit?: 'cover' | 'contain'
  hidden?: boolean
  label?: string
}

/**
 * A <video> bound to a MediaStream. If the browser refuses to autoplay with sound, it plays
 * muted and unmutes on the user's next click or key press instead of staying frozen.
 */
export function VideoView({
  stream,
  muted,
  mirrored = false,
  fit = 'cover',
  hidden = false,
  label,
}: VideoViewProps): ReactElement {
  const ref = useRef<HTMLVideoElement>(null)

  useEffect(() => {
    const video = ref.current
    if (!video) return
    if (video.srcObject !== stream) video.srcObject = stream
    video.muted = muted
    if (!stream) return
    let cancelled = false
    const unmuteOnGesture = (): void => {
      if (!cancelled && !muted) video.muted = false
    }
    video.play().catch((error: unknown) => {
      if (cancelled || muted || (error as { name?: string }).name !== 'NotAllowedError') return
      video.muted = true
      void video.play().catch(() => undefined)
      document.addEventListener('pointerdown', unmuteOnGesture, { once: true, capture: true })
      document.addEventListener('keydown', unmuteOnGesture, { once: true, capture: true })
    })
    return () => {
      cancelled = true
      document.removeEventListener('pointerdown', unmuteOnGesture, { capture: true })
      document.removeEventListener('keydown', unmuteOnGesture, { capture: true })
    }
  }, [stream, muted])

  useEffect(() => {
    const video = ref.current
    return () => {
      if (video) video.srcObject = null
    }
  }, [])

  return (
    <video
      ref={ref}
      className={`video fit-${fit}${mirrored ? ' is-mirrored' : ''}${hidden ? ' is-hidden' : ''}`}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
    />
  )
}
