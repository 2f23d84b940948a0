/**
 * Remote audio, checked where a listener would notice it missing: for every remote camera tile,
 * the element playing it is not muted and has volume, its audio track is live, and WebRTC's own
 * inbound-rtp figures for that very track (bytes received, total audio energy) keep rising.
 * Needs installPeerConnectionRegistry in the page (joinListening does it).
 */
import type { Page } from 'playwright-core'
import { joinWithScripts, type RegistryWindow } from './peerConnections'
import { WAIT_TIMEOUT } from './timeouts'
import type { LobbyForm } from './ui'
import type { E2eWorld, Participant } from './world'

export interface RemoteAudio {
  label: string
  muted: boolean
  volume: number
  trackId: string | null
  trackLive: boolean
  /** From the inbound-rtp report of that track, or null when no connection receives it. */
  bytesReceived: number | null
  totalAudioEnergy: number | null
}

/** A participant whose page records its peer connections, joined through the lobby. */
export async function joinListening(
  world: E2eWorld,
  name: string,
  form: Omit<LobbyForm, 'name'>,
): Promise<Participant> {
  return joinWithScripts(world, name, form)
}

export async function readRemoteAudio(page: Page): Promise<RemoteAudio[]> {
  return page.evaluate(async () => {
    interface Track {
      id: string
      readyState: string
    }
    interface Video {
      muted: boolean
      volume: number
      srcObject: { getAudioTracks: () => Track[] } | null
    }
    interface Tile {
      getAttribute: (name: string) => string | null
      querySelector: (selector: string) => unknown
    }
    const scope = globalThis as unknown as RegistryWindow & {
      document: { querySelectorAll: (selector: string) => ArrayLike<Tile> }
    }
    const inbound = new Map<string, { bytes: number; energy: number }>()
    for (const pc of scope.__moimPeerConnections) {
      if (pc.connectionState === 'closed') continue
      const stats = await pc.getStats()
      stats.forEach((report) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'audio') return
        inbound.set(String(report.trackIdentifier), {
          bytes: Number(report.bytesReceived ?? 0),
          energy: Number(report.totalAudioEnergy ?? 0),
        })
      })
    }
    const tiles = Array.from(
      scope.document.querySelectorAll(
        '[role="region"][aria-label="Participants"] [role="figure"][data-peer-id]',
      ),
    )
    return tiles
      .map((tile) => ({ tile, label: tile.getAttribute('aria-label') ?? '' }))
      .filter(({ label }) => !label.endsWith(' (you)') && !label.startsWith('Screen shared by '))
      .map(({ tile, label }) => {
        const video = tile.querySelector('video') as Video | null
        const track = video?.srcObject?.getAudioTracks()[0] ?? null
        const figures = track ? inbound.get(track.id) : undefined
        return {
          label,
          muted: video ? video.muted : true,
          volume: video ? video.volume : 0,
          trackId: track ? track.id : null,
          trackLive: track?.readyState === 'live',
          bytesReceived: figures ? figures.bytes : null,
          totalAudioEnergy: figures ? figures.energy : null,
        }
      })
  })
}

function audible(a: RemoteAudio): boolean {
  return !a.muted && a.volume > 0 && a.trackLive && a.bytesReceived !== null
}

/**
 * Waits until exactly `count` remote camera tiles are audible and each one's received bytes and
 * audio energy have grown since they first were (the fake microphone beeps, so energy rises).
 */
export async function expectRemoteAudioFlowing(
  page: Page,
  count: number,
  timeout = WAIT_TIMEOUT,
): Promise<void> {
  const deadline = Date.now() + timeout
  let first: RemoteAudio[] | null = null
  let last: RemoteAudio[] = []
  while (Date.now() < deadline) {
    last = await readRemoteAudio(page)
    const ready = last.length === count && last.every(audible)
    if (ready && !first) first = last
    else if (ready && first) {
      const before = first
      const rising = last.every((now) => {
        const was = before.find((b) => b.label === now.label && b.trackId === now.trackId)
        return (
          was !== undefined &&
          (now.bytesReceived ?? 0) > (was.bytesReceived ?? 0) &&
          (now.totalAudioEnergy ?? 0) > (was.totalAudioEnergy ?? 0)
        )
      })
      if (rising) return
    } else first = null
    // Polling getStats: the figures change on their own, there is no event to wait for.
    await page.waitForTimeout(250)
  }
  throw new Error(
    `Gave up waiting for ${count} remote voices to play. Now: ${JSON.stringify(last)}; first seen: ${JSON.stringify(first)}`,
  )
}
