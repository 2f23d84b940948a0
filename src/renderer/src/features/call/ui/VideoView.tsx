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
  /**
   * Output device for the sound (setSinkId; '' = system default). Left alone when undefined, or
   * where the browser cannot route audio.
   */
  sinkId?: string
  /** Called with true once frames are decoded and false when the element empties, so callers show an avatar instead of a black box meanwhile. */
  onHasFramesChange?: (hasFrames: boolean) => void
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
  sinkId,
  onHasFramesChange,
}: VideoViewProps): ReactElement {
  const ref = useRef<HTMLVideoElement>(null)
  const framesCallback = useRef(onHasFramesChange)
  useEffect(() => {
    framesCallback.current = onHasFramesChange
  }, [onHasFramesChange])

  useEffect(() => {
    const video = ref.current
    if (!video) return
    const report = (): void => framesCallback.current?.(video.videoWidth > 0)
    const events = ['loadeddata', 'resize', 'playing', 'emptied'] as const
    for (const name of events) video.addEventListener(name, report)
    report()
    return () => {
      for (const name of events) video.removeEventListener(name, report)
    }
  }, [stream])

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
    const video = ref.current as (HTMLVideoElement & { sinkId?: string }) | null
    if (!video || sinkId === undefined || typeof video.setSinkId !== 'function') return
    if (video.sinkId === sinkId) return
    // An unplugged or refused device leaves the sound where it was.
    video.setSinkId(sinkId).catch((error: unknown) => console.warn('setSinkId failed', error))
  }, [sinkId])

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
