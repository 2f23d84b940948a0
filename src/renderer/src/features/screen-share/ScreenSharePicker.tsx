/**
 * Moim's own screen/window picker for the desktop app: tabs for Screens and Windows with live
 * thumbnails (only the visible tab is polled), keyboard navigation (arrows, Home/End, Enter,
 * Escape), a quality choice and, where the OS allows it, "Share system audio".
 */
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react'
import type {
  ListScreenSourcesRequest,
  ScreenShareCapabilities,
  ScreenSource,
  ScreenSourceType,
  SystemAudioLimit,
} from '../../platform/desktop'
import { keepSelection, moveIndex, type PickedSource, type ScreenShareQuality } from './pickerModel'
import type { StringKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import './screenShare.css'

export const PICKER_POLL_MS = 2000
export const PICKER_COLUMNS = 3
const THUMBNAIL_SIZE = { width: 320, height: 180 }
const TABS: readonly ScreenSourceType[] = ['screen', 'window']
/** Where system audio cannot be shared, the picker says why instead of offering it. */
const SYSTEM_AUDIO_LIMITS = {
  'macos-too-old': 'screenShare.systemAudioMacOld',
  'no-pulseaudio': 'screenShare.systemAudioNoPulse',
  'unsupported-os': 'screenShare.systemAudioUnsupported',
} as const satisfies Record<SystemAudioLimit, StringKey>

export interface ScreenSharePickerProps {
  listSources: (request: ListScreenSourcesRequest) => Promise<ScreenSource[]>
  capabilities: ScreenShareCapabilities
  initialQuality: ScreenShareQuality
  onShare: (picked: PickedSource) => void
  onCancel: () => void
  pollMs?: number
}

type ListStatus = 'loading' | 'ready' | 'error'

export function ScreenSharePicker(props: ScreenSharePickerProps): ReactElement {
  const { listSources, capabilities, onShare, onCancel, pollMs = PICKER_POLL_MS } = props
  const t = useT()
  const baseId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const optionRefs = useRef(new Map<string, HTMLDivElement>())
  const tabRefs = useRef(new Map<ScreenSourceType, HTMLButtonElement>())
  const [tab, setTab] = useState<ScreenSourceType>('screen')
  const [sources, setSources] = useState<ScreenSource[]>([])
  const [status, setStatus] = useState<ListStatus>('loading')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [quality, setQuality] = useState<ScreenShareQuality>(props.initialQuality)
  const [audio, setAudio] = useState(capabilities.systemAudio && capabilities.rememberedAudio)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal()
  }, [])

  // Poll only the visible tab; a stale answer for the other tab is dropped.
  useEffect(() => {
    let current = true
    const refresh = (): void => {
      listSources({ types: [tab], thumbnailSize: THUMBNAIL_SIZE }).then(
        (listed) => {
          if (!current) return
          const ofTab = listed.filter((source) => source.type === tab)
          setSources(ofTab)
          setSelectedId((selected) => keepSelection(selected, ofTab))
          setStatus('ready')
        },
        () => {
          if (current) setStatus('error')
        },
      )
    }
    refresh()
    const timer = setInterval(refresh, pollMs)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [listSources, tab, pollMs])

  const share = useCallback(
    (sourceId: string | null) => {
      if (sourceId) onShare({ sourceId, quality, audio: capabilities.systemAudio && audio })
    },
    [onShare, quality, audio, capabilities.systemAudio],
  )

  const switchTab = (next: ScreenSourceType): void => {
    if (next === tab) return
    setTab(next)
    setSelectedId(null)
    setSources([])
    setStatus('loading')
  }

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
    event.preventDefault()
    const index = moveIndex(TABS.indexOf(tab), event.key, TABS.length, TABS.length)
    const next = TABS[index]
    switchTab(next)
    tabRefs.current.get(next)?.focus()
  }

  const onOptionKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      share(selectedId)
      return
    }
    const current = sources.findIndex((source) => source.id === selectedId)
    const next = moveIndex(current, event.key, sources.length, PICKER_COLUMNS)
    if (next === current || next < 0) return
    event.preventDefault()
    const id = sources[next].id
    setSelectedId(id)
    optionRefs.current.get(id)?.focus()
  }

  const tabLabel = (type: ScreenSourceType): string =>
    type === 'screen' ? t('screenShare.screens') : t('screenShare.windows')
  const titleId = `${baseId}-title`
  const panelId = `${baseId}-panel`

  return (
    <dialog
      ref={dialogRef}
      className="dialog screen-share-picker"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: close through React state rather than letting the browser close it.
        event.preventDefault()
        onCancel()
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId} className="dialog-title">
          {t('screenShare.title')}
        </h2>
        <div role="tablist" aria-label={t('screenShare.tabs')} className="ssp-tabs">
          {TABS.map((type) => (
            <button
              key={type}
              ref={(element) => {
                if (element) tabRefs.current.set(type, element)
                else tabRefs.current.delete(type)
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${type}`}
              aria-selected={tab === type}
              aria-controls={panelId}
              tabIndex={tab === type ? 0 : -1}
              className="ssp-tab"
              onClick={() => switchTab(type)}
              onKeyDown={onTabKeyDown}
            >
              {tabLabel(type)}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={panelId}
          aria-labelledby={`${baseId}-tab-${tab}`}
          className="ssp-panel"
        >
          {status === 'error' ? (
            <p role="alert" className="ssp-message">
              {t('screenShare.listFailed')}
            </p>
          ) : status === 'loading' ? (
            <p className="ssp-message" aria-live="polite">
              {t('screenShare.loading')}
            </p>
          ) : sources.length === 0 ? (
            <p className="ssp-message">
              {tab === 'screen' ? t('screenShare.noScreens') : t('screenShare.noWindows')}
            </p>
          ) : (
            <div role="listbox" aria-label={tabLabel(tab)} className="ssp-grid">
              {sources.map((source) => {
                const selected = source.id === selectedId
                return (
                  <div
                    key={source.id}
                    ref={(element) => {
                      if (element) optionRefs.current.set(source.id, element)
                      else optionRefs.current.delete(source.id)
                    }}
                    role="option"
                    aria-selected={selected}
                    tabIndex={selected ? 0 : -1}
                    className="ssp-source"
                    onClick={() => setSelectedId(source.id)}
                    onDoubleClick={() => share(source.id)}
                    onKeyDown={onOptionKeyDown}
                  >
                    <div className="ssp-thumb">
                      {source.thumbnail ? <img src={source.thumbnail} alt="" /> : null}
                    </div>
                    <div className="ssp-name">
                      {source.appIcon ? (
                        <img className="ssp-icon" src={source.appIcon} alt="" />
                      ) : null}
                      <span>{source.name}</span>
                    </div>
                  </div>
                )
              })}
            </div>
          )}
        </div>
        <fieldset className="ssp-quality">
          <legend>{t('screenShare.quality')}</legend>
          {(['text', 'motion'] as const).map((value) => (
            <label key={value} className="ssp-radio">
              <input
                type="radio"
                name={`${baseId}-quality`}
                value={value}
                checked={quality === value}
                onChange={() => setQuality(value)}
              />
              <span>
                {value === 'text' ? t('screenShare.qualityText') : t('screenShare.qualityMotion')}
                <small>
                  {value === 'text'
                    ? t('screenShare.qualityTextHint')
                    : t('screenShare.qualityMotionHint')}
                </small>
              </span>
            </label>
          ))}
        </fieldset>
        {capabilities.systemAudio ? (
          <label className="ssp-checkbox">
            <input type="checkbox" checked={audio} onChange={(e) => setAudio(e.target.checked)} />
            {t('screenShare.systemAudio')}
          </label>
        ) : capabilities.systemAudioLimit ? (
          <p className="ssp-note">{t(SYSTEM_AUDIO_LIMITS[capabilities.systemAudioLimit])}</p>
        ) : null}
        <div className="dialog-footer ssp-footer">
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t('screenShare.cancel')}
          </button>
          <button
            type="button"
            className="primary-button compact"
            disabled={!selectedId}
            onClick={() => share(selectedId)}
          >
            {t('screenShare.share')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
