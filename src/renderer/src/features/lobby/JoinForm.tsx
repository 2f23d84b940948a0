import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { useStore } from 'zustand'
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '../../../../shared/limits'
import type { StringKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { IconButton } from '../call/ui/IconButton'
import { ShuffleIcon } from '../call/ui/icons'
import { MessageBox } from '../call/ui/MessageBox'
import { settingsStore } from '../settings/settingsStore'
import { joinServerNow, resolveJoinServer, type JoinServer } from './joinServer'
import { sanitizeRoomName } from './launchParams'
import {
  CAPACITY_CHOICES,
  inviteKeyFor,
  lobbyStore,
  validateLobbyForm,
  type FormProblems,
} from './lobbyStore'
import { saveDisplayName } from './profile'
import { randomRoomName } from './randomRoom'

interface LocalProblem {
  key: StringKey
  hintKey?: StringKey
}

export function JoinForm(): ReactElement {
  const t = useT()
  const session = useSession()
  const form = useStore(lobbyStore)
  const phase = useCallStore((s) => s.phase)
  const [problems, setProblems] = useState<FormProblems>({})
  const [serverProblem, setServerProblem] = useState<LocalProblem | null>(null)
  const [resolving, setResolving] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const roomRef = useRef<HTMLInputElement>(null)
  const ids = {
    name: useId(),
    nameError: useId(),
    room: useId(),
    roomError: useId(),
    password: useId(),
    passwordHint: useId(),
    capacity: useId(),
    capacityHint: useId(),
  }
  const busy = resolving || phase === 'joining'

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const found = validateLobbyForm(form)
    setProblems(found)
    setServerProblem(null)
    if (found.name) return nameRef.current?.focus()
    if (found.room) return roomRef.current?.focus()
    const name = form.name.trim()
    saveDisplayName(name)
    const join = async (server: JoinServer): Promise<void> => {
      if (!server.ok) {
        setServerProblem({ key: server.key, hintKey: server.hintKey })
        return
      }
      session.clearError()
      const key = inviteKeyFor(form, form.room)
      await session.join({
        serverUrl: server.url,
        room: form.room.trim(),
        name,
        password: form.password === '' ? undefined : form.password,
        capacity: form.capacity,
        ...(key ? { key } : {}),
      })
    }
    const desktop = getDesktopApi()
    const settings = settingsStore.getState()
    const known = joinServerNow(desktop, settings, window.location.origin)
    if (known) return join(known)
    setResolving(true)
    try {
      await join(await resolveJoinServer(desktop, settings, window.location.origin))
    } finally {
      setResolving(false)
    }
  }

  return (
    <form className="join-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={ids.name} className="field-label">
          {t('lobby.name')}
        </label>
        <input
          ref={nameRef}
          id={ids.name}
          className="input"
          autoComplete="nickname"
          maxLength={NAME_MAX_LENGTH}
          placeholder={t('lobby.namePlaceholder')}
          value={form.name}
          aria-invalid={problems.name !== undefined}
          aria-describedby={problems.name ? ids.nameError : undefined}
          onChange={(event) => form.update({ name: event.target.value })}
          onBlur={() => {
            if (form.name.trim() !== '') saveDisplayName(form.name.trim())
          }}
        />
        {problems.name ? (
          <p id={ids.nameError} className="field-error">
            {t(problems.name, { max: NAME_MAX_LENGTH })}
          </p>
        ) : null}
      </div>

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
