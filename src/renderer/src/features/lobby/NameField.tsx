import { useId, type ReactElement, type Ref } from 'react'
import { NAME_MAX_LENGTH } from '../../../../shared/limits'
import type { StringKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

interface NameFieldProps {
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** What is wrong with the name, shown under it and linked to it. */
  problem?: StringKey | null
  inputRef?: Ref<HTMLInputElement>
}

/** "Your name", as the lobby form and the invite-link dialog ask for it. */
export function NameField({
  value,
  onChange,
  onBlur,
  problem,
  inputRef,
}: NameFieldProps): ReactElement {
  const t = useT()
  const id = useId()
  const errorId = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('lobby.name')}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        autoComplete="nickname"
        maxLength={NAME_MAX_LENGTH}
        placeholder={t('lobby.namePlaceholder')}
        value={value}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {problem ? (
        <p id={errorId} className="field-error">
          {t(problem, { max: NAME_MAX_LENGTH })}
        </p>
      ) : null}
    </div>
  )
}
