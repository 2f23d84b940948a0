import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type RefObject,
} from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import type { Participant } from '../../store/callStore'
import { useCallStore, useParticipants } from '../../store/useCallStore'
import { placeTiles } from './gridLayout'
import { buildTiles, chooseFeatured, reuseTiles, type TileModel } from './tiles'
import { VideoTile } from './VideoTile'

function useElementSize<T extends HTMLElement>(): [RefObject<T | null>, number, number] {
  const ref = useRef<T>(null)
  const [size, setSize] = useState({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = (): void => {
      const { width, height } = element.getBoundingClientRect()
      setSize((old) =>
        old.width === Math.floor(width) && old.height === Math.floor(height)
          ? old
          : { width: Math.floor(width), height: Math.floor(height) },
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, size.width, size.height]
}

/**
 * Tiles for the participants, reusing the previous tile objects that did not change (React's
 * "state from the previous render" pattern) so memoised tiles skip re-rendering.
 */
function useStableTiles(participants: Participant[]): TileModel[] {
  const [memo, setMemo] = useState(() => ({
    source: participants,
    tiles: buildTiles(participants),
  }))
  if (memo.source === participants) return memo.tiles
  const previous = new Map(memo.tiles.map((tile) => [tile.key, tile]))
  const tiles = reuseTiles(previous, buildTiles(participants))
  setMemo({ source: participants, tiles })
  return tiles
}

/** Every camera and screen tile, sized to fill the space; a pinned or shared screen goes large. */
export function VideoGrid(): ReactElement {
  const t = useT()
  const session = useSession()
  const participants = useParticipants()
  const isHost = useCallStore((s) => s.self !== null && s.room?.hostId === s.self.id)
  const [pinnedKey, setPinnedKey] = useState<string | null>(null)
  const [ref, width, height] = useElementSize<HTMLDivElement>()

  const tiles = useStableTiles(participants)
  const featuredKey = chooseFeatured(tiles, pinnedKey)
  const featuredIndex =
    featuredKey === null ? null : tiles.findIndex((tile) => tile.key === featuredKey)
  const rects = useMemo(
    () => placeTiles(tiles.length, featuredIndex, width, height),
    [tiles.length, featuredIndex, width, height],
  )

  const togglePin = useCallback(
    (key: string) => setPinnedKey((current) => (current === key ? null : key)),
    [],
  )
  const kick = useCallback((peerId: string) => void session.kick(peerId), [session])

  // Tiles wait for the grid's size: placed at 0x0 first, they would animate (a layout per frame)
  // up to their real size right while the call is being set up.
  const measured = width > 0 && height > 0
  return (
    <div ref={ref} className="grid" role="region" aria-label={t('call.participants')}>
      {(measured ? tiles : []).map((tile, index) => (
        <VideoTile
          key={tile.key}
          tile={tile}
          rect={rects[index]}
          featured={tile.key === featuredKey && tiles.length > 1}
          pinned={tile.key === pinnedKey}
          canPin={tiles.length > 1}
          onTogglePin={togglePin}
          onKick={isHost && !tile.participant.isSelf && tile.kind === 'camera' ? kick : undefined}
        />
      ))}
    </div>
  )
}
