import { useCallback, useId, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { describeCallError } from '../lobby/errorMessages'
import { Announcer } from './Announcer'
import { ControlsBar } from './ControlsBar'
import { DevicesDialog } from './DevicesDialog'
import { isMacPlatform } from './shortcuts'
import { MessageBox } from './ui/MessageBox'
import { UsersIcon } from './ui/icons'
import { useCallShortcuts } from './useCallShortcuts'
import { useDesktopCallBridge } from './useDesktopCallBridge'
import { useScreenShareToggle } from './useScreenShareToggle'
import { VideoGrid } from './VideoGrid'
import './call.css'

const isMac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform)

export function CallScreen(): ReactElement {
  const t = useT()
  const session = useSession()
  const room = useCallStore((s) => s.room)
  const selfId = useCallStore((s) => s.self?.id ?? '')
  const count = useCallStore((s) => Object.keys(s.participants).length)
  const reconnecting = useCallStore(
    (s) => s.signaling === 'reconnecting' || s.phase === 'reconnecting',
  )
  const error = useCallStore((s) => s.error)
  const [devicesOpen, setDevicesOpen] = useState(false)
  const devicesDialogId = useId()
  const closeDevices = useCallback(() => setDevicesOpen(false), [])
  const screenShare = useScreenShareToggle(session)

  useCallShortcuts(session, isMac)
  useDesktopCallBridge(session)

  const capacity = room?.capacity ?? count
  const errorMessage = error ? describeCallError(error) : null

  return (
    <main className="call">
      <header className="call-header">
        <div className="call-title">
          <span className="brand-mark small" aria-hidden="true" />
          <h1 className="call-room">
            {room ? t('call.roomLabel', { room: room.id }) : t('app.name')}
          </h1>
        </div>
        <p className="call-count" aria-label={t('call.countLabel', { count, capacity })}>
          <UsersIcon width={16} height={16} />
          <span aria-hidden="true">{t('call.count', { count, capacity })}</span>
        </p>
      </header>

      <div className="call-banners">
        <p role="status" className={`banner${reconnecting ? ' is-visible' : ''}`}>
          {reconnecting ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('call.reconnecting')}
            </>
          ) : null}
        </p>
        {errorMessage ? (
          <div className="call-error">
            <MessageBox
              tone={errorMessage.tone}
              message={t(errorMessage.key, errorMessage.vars)}
              hint={errorMessage.hintKey ? t(errorMessage.hintKey) : undefined}
            >
              <button type="button" className="link-button" onClick={() => session.clearError()}>
                {t('error.dismiss')}
              </button>
            </MessageBox>
          </div>
        ) : null}
      </div>

      <div className="call-stage">
        <VideoGrid />
        {count === 1 ? <p className="call-alone">{t('call.alone')}</p> : null}
      </div>

      <ControlsBar
        isMac={isMac}
        devicesOpen={devicesOpen}
        devicesDialogId={devicesDialogId}
        onOpenDevices={() => setDevicesOpen(true)}
        onToggleScreenShare={screenShare.toggle}
      />
      {screenShare.picker}
      <DevicesDialog
        id={devicesDialogId}
        open={devicesOpen}
        onClose={closeDevices}
        speakerKey={selfId}
      />
      <Announcer />
    </main>
  )
}
