import type { TFunction } from '../../i18n/useT'
import type { Participant } from '../../store/callStore'

export interface TileModel {
  /** Stable React key: "camera:<peerId>" or "screen:<streamId>". */
  key: string
  kind: 'camera' | 'screen'
  participant: Participant
  stream: MediaStream | null
}

/** Camera tiles in participant order, then every screen share (a separate tile, never a swap). */
export function buildTiles(participants: readonly Participant[]): TileModel[] {
  const cameras: TileModel[] = participants.map((participant) => ({
    key: `camera:${participant.id}`,
    kind: 'camera',
    participant,
    stream: participant.cameraStream,
  }))
  const screens: TileModel[] = participants.flatMap((participant) =>
    participant.screenStreams.map((share) => ({
      key: `screen:${share.id}`,
      kind: 'screen' as const,
      participant,
      stream: share.stream,
    })),
  )
  return [...cameras, ...screens]
}

/**
 * Which tile is large: the pinned one while it exists, else the first screen shared by someone
 * else (your own screen is not featured to you: it would only mirror your desktop back).
 */
export function chooseFeatured(
  tiles: readonly TileModel[],
  pinnedKey: string | null,
): string | null {
  if (pinnedKey !== null && tiles.some((tile) => tile.key === pinnedKey)) return pinnedKey
  const screen = tiles.find((tile) => tile.kind === 'screen' && !tile.participant.isSelf)
  return screen ? screen.key : null
}

export interface RosterChange {
  kind: 'joined' | 'left'
  name: string
}

/** Who joined or left between two snapshots of remote participants (id -> name). */
export function diffRoster(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): RosterChange[] {
  const changes: RosterChange[] = []
  for (const [id, name] of after) if (!before.has(id)) changes.push({ kind: 'joined', name })
  for (const [id, name] of before) if (!after.has(id)) changes.push({ kind: 'left', name })
  return changes
}

/** The tile's accessible name: "Ana", "Ana (you)", "Screen shared by Ana", "Screen shared by you". */
export function tileLabel(tile: TileModel, t: TFunction): string {
  const { participant } = tile
  if (tile.kind === 'screen') {
    return participant.isSelf
      ? t('call.screenByYou')
      : t('call.screenBy', { name: participant.name })
  }
  return participant.isSelf ? t('call.selfName', { name: participant.name }) : participant.name
}

/**
 * Returns `next` with each tile replaced by its previous object when nothing it shows changed,
 * so memoised tiles skip re-rendering when someone else mutes or joins.
 */
export function reuseTiles(
  previous: ReadonlyMap<string, TileModel>,
  next: readonly TileModel[],
): TileModel[] {
  return next.map((tile) => {
    const old = previous.get(tile.key)
    return old && old.participant === tile.participant && old.stream === tile.stream ? old : tile
  })
}
