import { useEffect, useId, useLayoutEffect, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useChatStore } from '../../store/useChatStore'
import { useFilesStore } from '../../store/useFilesStore'
import { CloseIcon } from '../call/ui/icons'
import { FileOfferCard } from '../files/FileOfferCard'
import { FilesNoticeView } from '../files/FilesNoticeView'
import { withFileOffers } from '../files/fileTimeline'
import { ShareFilesButton } from '../files/ShareFilesButton'
import { ChatComposer } from './ChatComposer'
import { ChatItemView } from './ChatItemView'
import { timeline } from './timeline'
import './chat.css'

interface ChatPanelProps {
  id: string
  open: boolean
  /** Changes whenever the message box should take focus (the panel opened, the shortcut). */
  focusRequest: number
  /** Close and give focus back to where the chat was opened from. */
  onClose: () => void
}

/** Pixels from the bottom that still count as "reading the newest messages". */
const STICK_PX = 48

/**
 * The call's chat beside the video (an overlay on narrow windows): the messages, newest at the
 * bottom, and the message box. Everything shown is text: names and messages are isolated so
 * bidirectional text in one cannot reorder another. Closed, the panel is only hidden, so a
 * draft and the reading position survive.
 */
export function ChatPanel({ id, open, focusRequest, onClose }: ChatPanelProps): ReactElement {
  const t = useT()
  const session = useSession()
  const titleId = useId()
  const items = useChatStore((s) => s.items)
  const unread = useChatStore((s) => s.unread)
  const offers = useFilesStore((s) => s.offers)
  const logRef = useRef<HTMLDivElement>(null)
  const stuck = useRef(true)

  // Seen once the panel is open and the window has focus.
  useEffect(() => {
    if (!open || unread === 0) return
    if (document.hasFocus()) session.chat.markRead()
    const onFocus = () => session.chat.markRead()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [open, unread, session])

  // Follow new messages unless the reader has scrolled up to older ones.
  useLayoutEffect(() => {
    const log = logRef.current
    if (open && log && stuck.current) log.scrollTop = log.scrollHeight
  }, [items, offers, open])

  return (
    <aside
      id={id}
      className="chat-panel"
      aria-labelledby={titleId}
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return
        event.preventDefault()
        onClose()
      }}
    >
      <header className="chat-header">
        <h2 id={titleId}>{t('chat.title')}</h2>
        <button
          type="button"
          className="chat-close"
          aria-label={t('chat.close')}
          title={t('chat.close')}
          onClick={onClose}
        >
          <CloseIcon width={18} height={18} />
        </button>
      </header>
      <div
        ref={logRef}
        className="chat-log"
        role="log"
        aria-label={t('chat.messages')}
        tabIndex={0}
        onScroll={(event) => {
          const log = event.currentTarget
          stuck.current = log.scrollHeight - log.scrollTop - log.clientHeight < STICK_PX
        }}
      >
        {items.length === 0 && offers.length === 0 ? (
          <p className="chat-empty">{t('chat.empty')}</p>
        ) : null}
        <ol className="chat-list">
          {withFileOffers(timeline(items), offers).map((entry) =>
            'offer' in entry ? (
              <FileOfferCard key={`file:${entry.offer.key}`} offer={entry.offer} />
            ) : (
              <ChatItemView key={entry.item.key} entry={entry} />
            ),
          )}
        </ol>
      </div>
      <FilesNoticeView />
      <ShareFilesButton />
      <ChatComposer focusRequest={open ? focusRequest : null} />
    </aside>
  )
}
