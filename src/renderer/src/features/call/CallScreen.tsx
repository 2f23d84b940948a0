import { useCallback, useId, useState, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'
import { useCallStore } from '../../store/useCallStore'
import { useChatStore } from '../../store/useChatStore'
import { MicrophoneStatus } from '../audio/MicrophoneStatus'
import { ChatPanel } from '../chat/ChatPanel'
import { FileDropZone } from '../files/FileDropZone'
import { GAME_SETTINGS_DIALOG_ID, GameSettingsDialog, GameStage, isGameShown } from '../game'
import { usePictureDecode, WhiteboardStage, WhiteboardSurface } from '../whiteboard'
import { useGameStore } from '../../store/useGameStore'
import { useWhiteboardStore } from '../../store/useWhiteboardStore'
import type { MediaErrorInfo } from '../../store/callStore'
import { describeCallError, describeMediaError } from '../lobby/errorMessages'
import { Announcer } from './Announcer'
import { ControlsBar } from './ControlsBar'
import { DevicesDialog } from './DevicesDialog'
import { RemovedPeople } from './RemovedPeople'
import { isMacPlatform } from './shortcuts'
import { MessageBox } from './ui/MessageBox'
import { UsersIcon } from './ui/icons'
import { useCallShortcuts } from './useCallShortcuts'
import { useDesktopCallBridge } from './useDesktopCallBridge'
import { useHostingSwitch } from './useHostingSwitch'
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
  const mediaError = useCallStore((s) => s.local.error)
  const [dismissedMediaError, setDismissedMediaError] = useState<MediaErrorInfo | null>(null)
  const [devicesOpen, setDevicesOpen] = useState(false)
  const devicesDialogId = useId()
  const closeDevices = useCallback(() => setDevicesOpen(false), [])
  const screenShare = useScreenShareToggle(session)
  const chatId = useId()
  const chatOpen = useChatStore((s) => s.panelOpen)
  const [chatFocus, setChatFocus] = useState(0)
  const boardOpen = useWhiteboardStore((s) => s.open)
  const gameShown = useGameStore(isGameShown)

  const closeChat = useCallback(() => {
    session.chat.closePanel()
    document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(chatId)}"]`)?.focus()
  }, [session, chatId])
  const toggleChat = useCallback(() => {
    if (chatOpen) return closeChat()
    session.chat.openPanel()
    setChatFocus((n) => n + 1)
  }, [chatOpen, closeChat, session])

  useCallShortcuts(session, isMac, toggleChat)
  useDesktopCallBridge(session)
  useHostingSwitch()
  usePictureDecode(session.whiteboard.scene)

  const capacity = room?.capacity ?? count
  const errorMessage = error ? describeCallError(error) : null
  // Device failures mid-call (e.g. switching to a camera another app holds). Missing devices
  // are only notices, already shown in the lobby, so they are not repeated here.
  const mediaMessage = mediaError ? describeMediaError(mediaError) : null
  const showMediaMessage =
    mediaMessage !== null && mediaMessage.tone === 'error' && mediaError !== dismissedMediaError

  return (
    <main className="call">
      <header className="call-header">
        <div className="call-title">
          <span className="brand-mark small" aria-hidden="true" />
          <h1 className="call-room">
            {room ? t('call.roomLabel', { room: room.id }) : t('app.name')}
          </h1>
        </div>
        <p className="call-count">
          <UsersIcon width={16} height={16} />
          <span className="visually-hidden">{t('call.countLabel', { count, capacity })}</span>
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
        <MicrophoneStatus isMac={isMac} />
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
        <RemovedPeople session={session} />
        {showMediaMessage && mediaMessage ? (
          <div className="call-error">
            <MessageBox
              tone="error"
              message={t(mediaMessage.key, mediaMessage.vars)}
              hint={mediaMessage.hintKey ? t(mediaMessage.hintKey) : undefined}
            >
              <button
                type="button"
                className="link-button"
                onClick={() => setDismissedMediaError(mediaError)}
              >
                {t('error.dismiss')}
              </button>
            </MessageBox>
          </div>
        ) : null}
      </div>

      <div className={`call-body${chatOpen ? ' with-chat' : ''}`}>
        <div className={`call-stage${boardOpen || gameShown ? ' with-board' : ''}`}>
          {gameShown ? (
            <GameStage board={<WhiteboardSurface />} />
          ) : boardOpen ? (
            <WhiteboardStage />
          ) : null}
          <VideoGrid />
          {count === 1 ? <p className="call-alone">{t('call.alone')}</p> : null}
        </div>
        <ChatPanel id={chatId} open={chatOpen} focusRequest={chatFocus} onClose={closeChat} />
        <FileDropZone />
      </div>

      <ControlsBar
        isMac={isMac}
        chatId={chatId}
        chatOpen={chatOpen}
        onToggleChat={toggleChat}
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
      <GameSettingsDialog id={GAME_SETTINGS_DIALOG_ID} />
      <Announcer />
    </main>
  )
}
