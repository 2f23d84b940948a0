/**
 * What a call carries besides its media: chat, file sharing, the whiteboard, the draw-and-guess
 * game and link quality. Each is its own controller; this module builds them once per session
 * and moves them through a call's moments together (enter a room, follow a mesh, resume, end),
 * so a new feature is wired here and createSession stays about the call itself.
 */
import { nanoid } from 'nanoid'
import type { JoinAckBody } from '../../../shared/protocol'
import type { Mesh } from '../rtc/mesh'
import type { MessageRouter } from '../rtc/messageRouter'
import type { CallStore } from '../store/callStore'
import type { ChatStore } from '../store/chatStore'
import { createFileProgressStore, type FileProgressStore } from '../store/fileProgressStore'
import { createFilesStore, type FilesStore } from '../store/filesStore'
import { createGameStore, type GameStore } from '../store/gameStore'
import { createScreenDrawStore, type ScreenDrawStore } from '../store/screenDrawStore'
import { createStatsStore, type StatsStore } from '../store/statsStore'
import {
  createWhiteboardCursorStore,
  createWhiteboardStore,
  type WhiteboardCursorStore,
  type WhiteboardStore,
} from '../store/whiteboardStore'
import { ChatController } from './chatController'
import { FilesController } from './filesController'
import { unavailableFilesPlatform, type FilesPlatform } from './filesPlatform'
import { GameController, type GameSignaling } from './gameController'
import { QualityController } from './qualityController'
import { ScreenDrawController } from './screenDrawController'
import { WhiteboardController } from './whiteboardController'

/** The features' stores and platform hooks (fresh stores when absent, e.g. in tests). */
export interface CallFeatureDeps {
  chatStore: ChatStore
  whiteboardStore?: WhiteboardStore
  whiteboardCursorStore?: WhiteboardCursorStore
  /** Runs a function at the next animation frame (whiteboard points are batched per frame). */
  scheduleFrame?: (run: () => void) => void
  gameStore?: GameStore
  /** Drawing over shared screens. */
  screenDrawStore?: ScreenDrawStore
  /** Link figures and quality. */
  statsStore?: StatsStore
  /** Whether the app window has focus; chat counts unread messages while it has not. */
  isWindowFocused?: () => boolean
  /** A system notification (desktop app); absent in the browser. */
  notify?: (title: string, body: string) => void
  /** The summary of several chat messages in one notification, in the UI language. */
  describeUnread?: (count: number) => string
  /** Chat notifications as the user last chose (default on), and where a change is kept. */
  chatNotifications?: { enabled: boolean; save: (enabled: boolean) => void }
  /** File sharing: its stores and where files are read, kept and saved. */
  files?: { store: FilesStore; progress: FileProgressStore; platform: FilesPlatform }
  now?: () => number
  newId?: () => string
}

/** What the features need from the session around them. */
export interface CallFeatureContext {
  router: MessageRouter
  callStore: CallStore
  /** The current call's mesh, if any (bulk channels are opened on it). */
  mesh: () => Mesh | null
  /** Whether the local camera is on (link adaptation leaves a camera that is off alone). */
  cameraOn: () => boolean
}

export interface CallFeatures {
  chat: ChatController
  files: FilesController
  whiteboard: WhiteboardController
  game: GameController
  quality: QualityController
  screenDraw: ScreenDrawController
  /** A fresh membership: the room's peers are in `ack`; `client` carries the game. */
  enter(client: GameSignaling, ack: JoinAckBody): void
  /** Follows a call's mesh (bulk channels, departures, link figures) until the returned stop. */
  follow(mesh: Mesh): () => void
  /** The same membership came back after a signaling reconnect. */
  resumed(): void
  /** The call ended. */
  exit(): void
}

export function createCallFeatures(deps: CallFeatureDeps, ctx: CallFeatureContext): CallFeatures {
  const { router } = ctx
  const now = deps.now ?? Date.now
  const nameOf = (peerId: string) => ctx.callStore.getState().participants[peerId]?.name

  const chat = new ChatController({
    store: deps.chatStore,
    router,
    newId: deps.newId ?? (() => nanoid(12)),
    now,
    nameOf,
    isWindowFocused: deps.isWindowFocused ?? (() => true),
    ...(deps.notify ? { notify: deps.notify } : {}),
    ...(deps.describeUnread ? { describeUnread: deps.describeUnread } : {}),
    notificationsEnabled: deps.chatNotifications?.enabled ?? true,
    saveNotifications: deps.chatNotifications?.save,
  })

  const files = new FilesController({
    store: deps.files?.store ?? createFilesStore(),
    progress: deps.files?.progress ?? createFileProgressStore(),
    ...(deps.files?.platform ?? unavailableFilesPlatform()),
    router,
    openChannel: (peerId, label) => ctx.mesh()?.openChannel(peerId, label) ?? null,
    newId: () => nanoid(16),
    now,
    nameOf,
    onIncomingOffer: () => chat.countUnread(),
  })

  const whiteboard = new WhiteboardController({
    store: deps.whiteboardStore ?? createWhiteboardStore(),
    cursorStore: deps.whiteboardCursorStore ?? createWhiteboardCursorStore(),
    router,
    scheduleFrame: deps.scheduleFrame ?? ((run) => void setTimeout(run, 16)),
  })

  const game = new GameController({
    store: deps.gameStore ?? createGameStore(),
    now,
    board: whiteboard,
  })

  const screenDraw = new ScreenDrawController({
    store: deps.screenDrawStore ?? createScreenDrawStore(),
    callStore: ctx.callStore,
    router,
    scheduleFrame: deps.scheduleFrame ?? ((run) => void setTimeout(run, 16)),
  })

  const quality = new QualityController({
    store: deps.statsStore ?? createStatsStore(),
    router,
    cameraOn: ctx.cameraOn,
  })

  return {
    chat,
    files,
    whiteboard,
    game,
    quality,
    screenDraw,

    enter(client, ack) {
      const late = ack.peers.length > 0
      chat.start(ack.self, { requestHistory: late })
      game.attach(client, ack.self.id)
      files.start(ack.self.id)
      whiteboard.start(ack.self.id, { requestSnapshot: late })
      screenDraw.start(ack.self.id)
    },

    follow(mesh) {
      const offs = [
        mesh.on('peer-removed', (peerId) => files.peerGone(peerId)),
        // The link is being set up: time enough to picture the board the newcomer will ask for.
        mesh.on('peer-added', () => whiteboard.peerJoining()),
        mesh.on('peer-channel', (peerId, port) => {
          if (port.kind === 'bulk') files.attachChannel(peerId, port)
        }),
        quality.attach(mesh),
      ]
      return () => {
        for (const off of offs) off()
      }
    },

    resumed() {
      void game.resync()
    },

    exit() {
      chat.stop()
      game.detach()
      void files.stop().catch((error: unknown) => console.warn('could not delete files', error))
      whiteboard.stop()
      screenDraw.stop()
    },
  }
}
