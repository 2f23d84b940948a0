/**
 * In-page probes, installed with context.addInitScript so every wait can call them by name.
 * Functions passed to the page are serialized, so each one here is self-contained; the node
 * tsconfig has no DOM library, so the few browser shapes used are declared locally.
 */

/** One tile in the "Participants" region as seen in the page. */
export interface TileProbe {
  /** Accessible name: "<name>", "<name> (you)" or "Screen shared by <name>". */
  label: string
  peerId: string | null
  connection: string | null
  self: boolean
  screen: boolean
  videoWidth: number
  currentTime: number
  /** Accessible names of role="img" indicators inside the tile, e.g. "Microphone muted". */
  indicators: string[]
}

export interface ProbeWindow {
  __moimTiles: () => TileProbe[]
}

export function installProbes(): void {
  interface ProbeElement {
    getAttribute: (name: string) => string | null
    querySelector: (selector: string) => ProbeElement | null
    querySelectorAll: (selector: string) => ArrayLike<ProbeElement>
  }
  interface ProbeVideo extends ProbeElement {
    videoWidth: number
    currentTime: number
  }
  const scope = globalThis as unknown as ProbeWindow & {
    document: { querySelector: (selector: string) => ProbeElement | null }
  }
  scope.__moimTiles = () => {
    const region = scope.document.querySelector('[role="region"][aria-label="Participants"]')
    if (!region) return []
    return Array.from(region.querySelectorAll('[role="figure"]')).map((tile) => {
      const label = tile.getAttribute('aria-label') ?? ''
      const video = tile.querySelector('video') as ProbeVideo | null
      return {
        label,
        peerId: tile.getAttribute('data-peer-id'),
        connection: tile.getAttribute('data-connection'),
        self: label.endsWith(' (you)') || label === 'Screen shared by you',
        screen: label.startsWith('Screen shared by '),
        videoWidth: video ? video.videoWidth : 0,
        currentTime: video ? video.currentTime : 0,
        indicators: Array.from(tile.querySelectorAll('[role="img"]')).map(
          (img) => img.getAttribute('aria-label') ?? '',
        ),
      }
    })
  }
}
