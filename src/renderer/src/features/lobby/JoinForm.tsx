import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { PASSWORD_MAX_LENGTH } from '../../../../shared/limits'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { IconButton } from '../call/ui/IconButton'
import { ShuffleIcon } from '../call/ui/icons'
import { MessageBox } from '../call/ui/MessageBox'
import { LinkServerNotice } from '../desktop/LinkServerNotice'
import { joinFromLobby } from './joinRoom'
import { sanitizeRoomName } from './launchParams'
import { NameField } from './NameField'
import { activeLinkServer, CAPACITY_CHOICES, lobbyStore, type FormProblems } from './lobbyStore'
import { saveDisplayName } from './profile'
import { randomRoomName } from './randomRoom'

export function JoinForm(): ReactElement {
  const t = useT()
  const session = useSession()
  const form = useStore(lobbyStore)
  const phase = useCallStore((s) => s.phase)
  const [problems, setProblems] = useState<FormProblems>({})
  const [resolving, setResolving] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const roomRef = useRef<HTMLInputElement>(null)
  const ids = {
    room: useId(),
    roomError: useId(),
    password: useId(),
    passwordHint: useId(),
    capacity: useId(),
    capacityHint: useId(),
  }
  const busy = resolving || phase === 'joining'
  const serverProblem = form.serverProblem
  const linkServer = getDesktopApi() ? activeLinkServer(form) : null

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    setProblems({})
    const outcome = await joinFromLobby(session, getDesktopApi(), setResolving)
    if (outcome.started) return
    setProblems(outcome.problems)
    if (outcome.problems.name) nameRef.current?.focus()
    else if (outcome.problems.room) roomRef.current?.focus()
  }

  return (
    <form className="join-form" noValidate onSubmit={(event) => void submit(event)}>
      <NameField
        inputRef={nameRef}
        value={form.name}
        problem={problems.name}
        onChange={(name) => form.update({ name })}
        onBlur={() => {
          if (form.name.trim() !== '') saveDisplayName(form.name.trim())
        }}
      />

      <div className="field">
        <label htmlFor={ids.room} className="field-label">
          {t('lobby.room')}
        </label>
        <div className="input-with-button">
          <input
            ref={roomRef}
            id={ids.room}
            className="input"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            placeholder={t('lobby.roomPlaceholder')}
            value={form.room}
            aria-invalid={problems.room !== undefined}
            aria-describedby={problems.room ? ids.roomError : undefined}
            onChange={(event) => form.update({ room: event.target.value })}
            onBlur={() => {
              const clean = sanitizeRoomName(form.room)
              if (clean !== '' && clean !== form.room) form.update({ room: clean })
            }}
          />
          <IconButton
            label={t('lobby.randomRoom')}
            className="input-side-button"
            onClick={() => form.update({ room: randomRoomName() })}
          >
            <ShuffleIcon />
          </IconButton>
        </div>
        {problems.room ? (
          <p id={ids.roomError} className="field-error">
            {t(problems.room)}
          </p>
        ) : null}
      </div>

      <div className="field-row">
        <div className="field grow">
          <label htmlFor={ids.password} className="field-label">
            {t('lobby.password')}
          </label>
          <input
            id={ids.password}
            className="input"
            type="password"
            autoComplete="off"
            maxLength={PASSWORD_MAX_LENGTH}
            value={form.password}
            aria-describedby={ids.passwordHint}
            onChange={(event) => form.update({ password: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.capacity} className="field-label">
            {t('lobby.capacity')}
          </label>
          <select
            id={ids.capacity}
            className="select"
            value={form.capacity}
            aria-describedby={ids.capacityHint}
            onChange={(event) => form.update({ capacity: Number(event.target.value) })}
          >
            {CAPACITY_CHOICES.map((count) => (
              <option key={count} value={count}>
                {t('lobby.capacityOption', { count })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={ids.passwordHint} className="field-hint">
        {t('lobby.passwordHint')}
      </p>
      <p id={ids.capacityHint} className="field-hint">
        {t('lobby.capacityHint')}
      </p>

      {linkServer ? (
        <LinkServerNotice
          room={linkServer.room}
          host={linkServer.host}
          onForget={() => form.setLinkServer(null)}
        />
      ) : null}

      {serverProblem ? (
        <MessageBox
          tone="error"
          message={t(serverProblem.key)}
          hint={serverProblem.hintKey ? t(serverProblem.hintKey) : undefined}
        />
      ) : null}

      <button type="submit" className="primary-button" disabled={busy} aria-busy={busy}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {t(busy ? 'lobby.joining' : 'lobby.join')}
      </button>
    </form>
  )
}
