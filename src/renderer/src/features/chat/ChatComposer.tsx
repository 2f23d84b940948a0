import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { CHAT_TEXT_MAX, chatTextLength } from '../../../../shared/channel/chat'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import type { ChatSendError } from '../../store/chatStore'
import { SendIcon } from '../call/ui/icons'
import { isSendKey } from './composerKeys'

/** The counter appears when this few characters are left. */
const COUNTER_FROM = 200
/** The box grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 160

/** focusRequest: a new value takes focus to the box (null: the panel is hidden). */
export function ChatComposer({ focusRequest }: { focusRequest: number | null }): ReactElement {
  const t = useT()
  const session = useSession()
  const boxId = useId()
  const hintId = useId()
  const counterId = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<ChatSendError | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (focusRequest !== null) box.current?.focus()
  }, [focusRequest])

  // Grow with the text (no layout library: one measurement per change).
  useEffect(() => {
    const el = box.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`
  }, [text])

  const length = chatTextLength(text)
  const left = CHAT_TEXT_MAX - length
  const tooLong = left < 0

  const send = (): void => {
    if (text.trim() === '') return
    const result = session.chat.send(text)
    if (result.ok) {
      setText('')
      setError(null)
    } else {
      setError(result.reason)
    }
  }

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    send()
  }

  const errorText =
    error === 'too-long' || tooLong
      ? t('chat.tooLong', { max: CHAT_TEXT_MAX, over: Math.max(1, -left) })
      : error === 'not-in-call'
        ? t('chat.notInCall')
        : null

  return (
    <form className="chat-composer" onSubmit={onSubmit}>
      <label htmlFor={boxId} className="visually-hidden">
        {t('chat.message')}
      </label>
      <div className="chat-input-row">
        <textarea
          ref={box}
          id={boxId}
          className="chat-input"
          rows={1}
          value={text}
          placeholder={t('chat.placeholder')}
          aria-describedby={`${hintId} ${counterId}`}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setText(event.target.value)
            if (error !== null) setError(null)
          }}
          onKeyDown={(event) => {
            if (!isSendKey({ ...event, isComposing: event.nativeEvent.isComposing })) return
            event.preventDefault()
            send()
          }}
        />
        <button
          type="submit"
          className="chat-send"
          aria-label={t('chat.send')}
          title={t('chat.send')}
          disabled={text.trim() === '' || tooLong}
        >
          <SendIcon width={18} height={18} />
        </button>
      </div>
      <p id={hintId} className="visually-hidden">
        {t('chat.shortcutHint')}
      </p>
      <p id={counterId} className={`chat-counter${tooLong ? ' is-over' : ''}`} aria-live="polite">
        {left <= COUNTER_FROM && !tooLong ? t('chat.remaining', { count: left }) : ''}
      </p>
      {errorText ? (
        <p role="alert" className="chat-error">
          {errorText}
        </p>
      ) : null}
    </form>
  )
}
