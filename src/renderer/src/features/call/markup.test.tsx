import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { Session } from '../../session/types'
import { SessionContext } from '../../sessionContext'
import type { Participant } from '../../store/callStore'
import { ControlsBar } from './ControlsBar'
import { buildTiles } from './tiles'
import { VideoTile } from './VideoTile'

const rect = { x: 0, y: 0, width: 640, height: 360 }

function person(extra: Partial<Participant>): Participant {
  return {
    id: 'p1',
    name: 'Bo',
    isSelf: false,
    audioEnabled: true,
    videoEnabled: true,
    cameraStream: null,
    screenStreams: [],
    connection: 'connected',
    ...extra,
  }
}

const fakeSession: Session = {
  startPreview: vi.fn(async () => undefined),
  stopPreview: vi.fn(),
  setCamera: vi.fn(async () => undefined),
  setMicrophone: vi.fn(async () => undefined),
  toggleAudio: vi.fn(async () => undefined),
  toggleVideo: vi.fn(async () => undefined),
  join: vi.fn(async () => true),
  leave: vi.fn(async () => undefined),
  startScreenShare: vi.fn(async () => undefined),
  stopScreenShare: vi.fn(),
  kick: vi.fn(async () => undefined),
  clearError: vi.fn(),
  chat: {
    send: vi.fn(() => ({ ok: true as const })),
    openPanel: vi.fn(),
    closePanel: vi.fn(),
    togglePanel: vi.fn(),
    markRead: vi.fn(),
    setNotifications: vi.fn(),
  },
  game: {
    openSettings: vi.fn(),
    closeSettings: vi.fn(),
    start: vi.fn(async () => true),
    choose: vi.fn(async () => undefined),
    guess: vi.fn(async () => null),
    stop: vi.fn(async () => undefined),
    dismissPodium: vi.fn(),
    clearError: vi.fn(),
  },
  files: {
    offer: vi.fn(),
    withdraw: vi.fn(),
    accept: vi.fn(async () => undefined),
    decline: vi.fn(),
    cancel: vi.fn(),
    save: vi.fn(async () => undefined),
    dismissNotice: vi.fn(),
    discardAll: vi.fn(),
  },
  whiteboard: {
    scene: {
      visible: () => [],
      onChange: () => () => {},
      loading: () => false,
      picture: () => null,
      onLoad: () => () => {},
      providePicture: () => () => {},
      dropPicture: () => {},
    },
    open: vi.fn(),
    close: vi.fn(),
    toggle: vi.fn(),
    setTool: vi.fn(),
    setColor: vi.fn(),
    setSize: vi.fn(),
    beginStroke: vi.fn(),
    extendStroke: vi.fn(),
    endStroke: vi.fn(),
    fillAt: vi.fn(),
    clear: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    moveCursor: vi.fn(),
    setExclusiveDrawer: vi.fn(),
    resetLocal: vi.fn(),
  },
  screenDraw: {
    scene: () => null,
    setDrawing: vi.fn(),
    setColor: vi.fn(),
    setPinned: vi.fn(),
    beginStroke: vi.fn(),
    extendStroke: vi.fn(),
    endStroke: vi.fn(),
    clear: vi.fn(),
    setEnabled: vi.fn(),
    now: () => 0,
  },
  audio: {
    setProcessing: vi.fn(),
    setPushToTalk: vi.fn(),
    setSpeaker: vi.fn(),
    talk: vi.fn(),
  },
}

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <SessionContext.Provider value={fakeSession}>{element}</SessionContext.Provider>,
  )
}

function renderTile(participant: Participant, index = 0, kick = false): string {
  const tile = buildTiles([participant])[index]
  return render(
    <VideoTile
      tile={tile}
      rect={rect}
      featured={false}
      pinned={false}
      canPin
      onTogglePin={vi.fn()}
      onKick={kick ? vi.fn() : undefined}
    />,
  )
}

describe('VideoTile markup (the E2E contract)', () => {
  it('is a figure named after the person, with peer id, connection and speaking state', () => {
    const html = renderTile(person({ connection: 'connecting' }))
    expect(html).toMatch(/^<figure role="figure" aria-label="Bo"/)
    expect(html).toContain('data-peer-id="p1"')
    expect(html).toContain('data-connection="connecting"')
    expect(html).toContain('data-speaking="false"')
    expect(html).toContain('Connecting…')
    expect(html.match(/<video/g)).toHaveLength(1)
  })

  it('shows mute and camera-off indicators as named images, and initials instead of video', () => {
    const html = renderTile(person({ audioEnabled: false, videoEnabled: false }))
    expect(html).toContain('role="img" aria-label="Microphone muted"')
    expect(html).toContain('role="img" aria-label="Camera off"')
    expect(html).toContain('class="avatar"')
    expect(html).toMatch(/class="video fit-cover is-hidden"/)
  })

  it('claims neither muted nor camera off before the peer has said what it sends', () => {
    const html = renderTile(
      person({ connection: 'connecting', audioEnabled: null, videoEnabled: null }),
    )
    expect(html).not.toContain('Microphone muted')
    expect(html).not.toContain('aria-label="Camera off"')
  })

  it('has no indicators while sending, and says when the connection failed', () => {
    const html = renderTile(person({ connection: 'failed' }))
    expect(html).not.toContain('Microphone muted')
    expect(html).not.toContain('aria-label="Camera off"')
    expect(html).toContain('Connection lost')
  })

  it('labels the self tile "(you)", mirrors and mutes it, and counts it connected', () => {
    const html = renderTile(person({ isSelf: true, name: 'Ana', connection: 'connecting' }))
    expect(html).toContain('aria-label="Ana (you)"')
    expect(html).toContain('data-connection="connected"')
    expect(html).toMatch(/<video[^>]*class="video fit-cover is-mirrored[^"]*"[^>]*muted=""/)
  })

  it('isolates the name in the caption so a right-to-left name cannot reorder "(you)"', () => {
    const html = renderTile(person({ isSelf: true, name: 'שלום' }))
    expect(html).toContain('<bdi>שלום</bdi> (you)')
  })

  it('names screen tiles after the sharer and offers Pin with aria-pressed', () => {
    const sharer = person({ screenStreams: [{ id: 's1', stream: { id: 's1' } as MediaStream }] })
    const html = renderTile(sharer, 1)
    expect(html).toContain('aria-label="Screen shared by Bo"')
    expect(html).toMatch(/aria-pressed="false"[^>]*>.*<span>Pin<\/span><\/button>/)
    expect(html).not.toContain('Microphone muted')
  })

  it('offers "Remove from call" only when the host may kick', () => {
    expect(renderTile(person({}), 0, true)).toContain('Remove from call')
    expect(renderTile(person({}), 0, false)).not.toContain('Remove from call')
  })
})

describe('ControlsBar markup', () => {
  it('is the "Call controls" toolbar with every contract button', () => {
    const html = render(
      <ControlsBar
        isMac={false}
        onOpenDevices={vi.fn()}
        devicesOpen={false}
        devicesDialogId="devices"
        onToggleScreenShare={vi.fn()}
        chatId="chat"
        chatOpen={false}
        onToggleChat={vi.fn()}
      />,
    )
    expect(html).toContain('role="toolbar" aria-label="Call controls"')
    for (const name of [
      'Mute microphone',
      'Turn off camera',
      'Share screen',
      'Devices',
      'Copy invite link',
      'Chat',
      'Leave call',
    ]) {
      expect(html).toContain(`aria-label="${name}"`)
    }
    expect(html).toContain('title="Mute microphone (Ctrl+D)"')
    expect(html).toContain('title="Turn off camera (Ctrl+E)"')
    expect(html).toContain('title="Chat (Ctrl+Alt+C)"')
    expect(html).toContain('role="status"')
  })
})
