/**
 * Desktop screen sharing: the renderer lists sources for Moim's own picker, selects one, then
 * calls getDisplayMedia(); the display-media handler answers with that selection. With no
 * selection (the picker was cancelled) getDisplayMedia is refused, so it rejects with no stream.
 */
import type {
  DisplayMediaRequestHandlerHandlerRequest,
  Session,
  SourcesOptions,
  Streams,
} from 'electron'
import { z } from 'zod'
import type { ScreenShareCapabilities, ScreenSource, ScreenSourceType } from '../preload/index.d'
import type { OriginPolicy } from './appOrigin'
import type { SystemAudioSupport } from './systemAudio'

export const SOURCE_LIST_REUSE_MS = 1000
/** A selection is for the getDisplayMedia() call that follows it, not for one much later. */
export const SELECTION_TTL_MS = 30_000
export const DEFAULT_THUMBNAIL_SIZE = { width: 320, height: 180 }

const sourceTypeSchema = z.enum(['screen', 'window'])

export const listSourcesRequestSchema = z.strictObject({
  types: z
    .array(sourceTypeSchema)
    .min(1)
    .max(2)
    .refine((types) => new Set(types).size === types.length, 'types must not repeat'),
  thumbnailSize: z
    .strictObject({
      width: z.number().int().min(0).max(1920),
      height: z.number().int().min(0).max(1920),
    })
    .optional(),
})

export const selectRequestSchema = z.strictObject({
  sourceId: z.string().min(1).max(256),
  audio: z.boolean(),
})

export type ListSourcesRequest = z.infer<typeof listSourcesRequestSchema>
export type SelectRequest = z.infer<typeof selectRequestSchema>

interface ImageLike {
  isEmpty(): boolean
  toDataURL(): string
}

export interface CapturerSourceLike {
  id: string
  name: string
  display_id: string
  thumbnail: ImageLike
  appIcon: ImageLike | null
}

export type GetSources = (options: SourcesOptions) => Promise<CapturerSourceLike[]>

/** macOS 15 (Darwin 24) offers a system picker; on Wayland the desktop portal always picks. */
export function hasSystemPicker(
  platform: NodeJS.Platform,
  osRelease: string,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (platform === 'darwin') return Number.parseInt(osRelease.split('.')[0], 10) >= 24
  if (platform === 'linux')
    return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY)
  return false
}

export interface AudioPreference {
  get(): boolean
  set(value: boolean): void
}

export interface ScreenShareServiceOptions {
  getSources: GetSources
  platform: NodeJS.Platform
  systemPicker: boolean
  /** Whether this computer can capture system audio (systemAudio.ts). */
  systemAudio: SystemAudioSupport
  audioPreference: AudioPreference
  policy: OriginPolicy
  now?: () => number
  log?: (message: string) => void
}

interface Selection {
  id: string
  name: string
  audio: boolean
  at: number
}

type DisplayMediaCallback = (streams: Streams | null) => void

function imageUrl(image: ImageLike | null): string | null {
  return image && !image.isEmpty() ? image.toDataURL() : null
}

function sourceType(id: string): ScreenSourceType {
  return id.startsWith('screen:') ? 'screen' : 'window'
}

export class ScreenShareService {
  private readonly now: () => number
  private readonly log: (message: string) => void
  private readonly cache = new Map<string, { at: number; result: Promise<ScreenSource[]> }>()
  /** Sources from the latest listing of each type: the only ids select() accepts. */
  private readonly known = new Map<ScreenSourceType, Map<string, string>>()
  private selection: Selection | null = null

  constructor(private readonly options: ScreenShareServiceOptions) {
    this.now = options.now ?? Date.now
    this.log = options.log ?? console.warn
  }

  capabilities(): ScreenShareCapabilities {
    const support = this.options.systemAudio
    return {
      systemPicker: this.options.systemPicker,
      systemAudio: support.supported,
      systemAudioLimit: support.supported ? null : support.limit,
      rememberedAudio: support.supported && this.options.audioPreference.get(),
    }
  }

  /** Repeated calls within SOURCE_LIST_REUSE_MS share one desktopCapturer run. */
  listSources(request: ListSourcesRequest): Promise<ScreenSource[]> {
    const types = [...request.types].sort()
    const size = request.thumbnailSize ?? DEFAULT_THUMBNAIL_SIZE
    const key = `${types.join(',')}@${size.width}x${size.height}`
    const cached = this.cache.get(key)
    if (cached && this.now() - cached.at < SOURCE_LIST_REUSE_MS) return cached.result

    const result = this.options
      .getSources({ types, thumbnailSize: size, fetchWindowIcons: types.includes('window') })
      .then((sources) => {
        const listed = sources.map((source): ScreenSource => ({
          id: source.id,
          name: source.name,
          type: sourceType(source.id),
          displayId: source.display_id,
          thumbnail: imageUrl(source.thumbnail) ?? '',
          appIcon: imageUrl(source.appIcon),
        }))
        for (const type of types) {
          this.known.set(
            type,
            new Map(listed.filter((s) => s.type === type).map((s) => [s.id, s.name])),
          )
        }
        return listed
      })
    result.catch(() => this.cache.delete(key))
    this.cache.set(key, { at: this.now(), result })
    return result
  }

  select(request: SelectRequest): void {
    const name = this.known.get(sourceType(request.sourceId))?.get(request.sourceId)
    if (name === undefined) {
      throw new Error(`unknown screen source ${request.sourceId}; list the sources again`)
    }
    const audio = request.audio && this.capabilities().systemAudio
    if (this.capabilities().systemAudio) this.options.audioPreference.set(request.audio)
    this.selection = { id: request.sourceId, name, audio, at: this.now() }
  }

  /** Forgets a selection the renderer did not use (its getDisplayMedia was never called). */
  clearSelection(): void {
    this.selection = null
  }

  handleDisplayMediaRequest(
    request: Pick<DisplayMediaRequestHandlerHandlerRequest, 'securityOrigin' | 'audioRequested'> & {
      frame: { url: string } | null
    },
    callback: DisplayMediaCallback,
  ): void {
    const selection = this.selection
    this.selection = null
    const origin = request.frame?.url ?? request.securityOrigin
    if (!this.options.policy.isTrusted(origin)) {
      this.log(`screen share refused for untrusted origin ${origin}`)
      callback(null)
      return
    }
    if (selection && this.now() - selection.at <= SELECTION_TTL_MS) {
      const streams: Streams = { video: { id: selection.id, name: selection.name } }
      if (selection.audio && request.audioRequested) streams.audio = 'loopback'
      callback(streams)
      return
    }
    if (this.options.systemPicker && this.options.platform === 'linux') {
      // On Wayland getSources() opens the portal's picker and returns the user's one choice.
      this.options
        .getSources({ types: ['screen', 'window'], thumbnailSize: { width: 0, height: 0 } })
        .then((sources) => {
          const chosen = sources[0]
          callback(chosen ? { video: { id: chosen.id, name: chosen.name } } : null)
        })
        .catch((error: unknown) => {
          this.log(`portal picker failed: ${String(error)}`)
          callback(null)
        })
      return
    }
    // Cancelled or never picked: refusing makes getDisplayMedia() reject with no stream.
    callback(null)
  }
}

export type DisplayMediaSession = Pick<Session, 'setDisplayMediaRequestHandler'>

export function installDisplayMediaHandler(
  session: DisplayMediaSession,
  service: ScreenShareService,
  useSystemPicker: boolean,
): void {
  session.setDisplayMediaRequestHandler(
    (request, callback) => service.handleDisplayMediaRequest(request, callback),
    { useSystemPicker },
  )
}
