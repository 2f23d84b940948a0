import { memo, type MouseEvent, type ReactElement } from 'react'
import { useLanguage, useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { splitLinks } from './linkify'
import type { TimelineEntry } from './timeline'

/** Marks where a name goes in a translated sentence, so it can be rendered isolated. */
const SLOT = '\u0000'

const timeFormats = new Map<string, Intl.DateTimeFormat>()
function formatTime(language: string, at: number): string {
  let format = timeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' })
    timeFormats.set(language, format)
  }
  return format.format(at)
}

/** Desktop: the system browser, after the main process has shown the link and asked. */
function openInBrowser(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  const desktop = getDesktopApi()
  if (!desktop) return
  event.preventDefault()
  void desktop.openExternal(href, { source: 'chat' }).catch(() => false)
}

function MessageText({ text }: { text: string }): ReactElement {
  return (
    <div className="chat-text" dir="auto">
      {splitLinks(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a
            key={i}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => openInBrowser(event, segment.href)}
          >
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </div>
  )
}

function ChatItemViewImpl({ entry }: { entry: TimelineEntry }): ReactElement {
  const t = useT()
  const language = useLanguage()
  const { item, groupStart } = entry
  if (item.kind === 'system') {
    const sentence = t(item.event === 'joined' ? 'chat.joined' : 'chat.left', { name: SLOT })
    const [before, after] = sentence.split(SLOT)
    // The name is isolated: right-to-left text in it cannot reorder the sentence around it.
    return (
      <li className="chat-system">
        {before}
        <bdi>{item.name}</bdi>
        {after}
      </li>
    )
  }
  const name = item.self ? t('chat.you') : item.name
  const time = formatTime(language, item.sentAt)
  return (
    <li className={`chat-message${item.self ? ' is-self' : ''}${groupStart ? ' group-start' : ''}`}>
      {groupStart ? (
        <p className="chat-meta">
          <bdi className="chat-name">{name}</bdi>{' '}
          <time dateTime={new Date(item.sentAt).toISOString()} title={t('chat.sentAt', { time })}>
            {time}
          </time>
        </p>
      ) : (
        <span className="visually-hidden">
          <bdi>{name}</bdi>:{' '}
        </span>
      )}
      <MessageText text={item.text} />
    </li>
  )
}

/** Items never change once shown: re-render only when the entry (or its grouping) does. */
export const ChatItemView = memo(
  ChatItemViewImpl,
  (a, b) => a.entry.item === b.entry.item && a.entry.groupStart === b.entry.groupStart,
)
