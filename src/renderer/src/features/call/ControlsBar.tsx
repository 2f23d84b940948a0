import { useId, useState, type KeyboardEvent, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { getDesktopApi } from '../../platform/desktop'
import { useSession } from '../../sessionContext'
import { useCallStore, useCallStoreShallow } from '../../store/useCallStore'
import { useChatStore } from '../../store/useChatStore'
import { useWhiteboardStore } from '../../store/useWhiteboardStore'
import { GAME_SETTINGS_DIALOG_ID, GameButton } from '../game'
import { WhiteboardIcon } from '../whiteboard/icons'
import { UplinkSummary } from '../quality/UplinkSummary'
import { copyText } from './clipboard'
import { buildWebInviteUrl } from './inviteLinks'
import { InvitePopover } from './InvitePopover'
import { shortcutLabel, type ShortcutAction } from './shortcuts'
import { IconButton } from './ui/IconButton'
import {
  CameraIcon,
  CameraOffIcon,
  ChatIcon,
  LinkIcon,
  MicIcon,
  MicOffIcon,
  PhoneOffIcon,
  ScreenIcon,
  SettingsIcon,
  StopScreenIcon,
} from './ui/icons'
import { useTransientFlag } from './useTransientFlag'

interface ControlsBarProps {
  isMac: boolean
  onOpenDevices: () => void
  devicesOpen: boolean
  devicesDialogId: string
  onToggleScreenShare: () => void
  chatId: string
  chatOpen: boolean
  onToggleChat: () => void
}

/** Arrow keys move between toolbar buttons, as the ARIA toolbar pattern expects. */
function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
  const buttons = Array.from(
    event.currentTarget.querySelectorAll<HTMLButtonElement>(
      ':scope > .toolbar-group > button:not(:disabled)',
    ),
  )
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (index === -1) return
  event.preventDefault()
  const step = event.key === 'ArrowRight' ? 1 : -1
  buttons[(index + step + buttons.length) % buttons.length].focus()
}

export function ControlsBar({
  isMac,
  onOpenDevices,
  devicesOpen,
  devicesDialogId,
  onToggleScreenShare,
  chatId,
  chatOpen,
  onToggleChat,
}: ControlsBarProps): ReactElement {
  const t = useT()
  const unreadId = useId()
  const unread = useChatStore((s) => s.unread)
  const boardOpen = useWhiteboardStore((s) => s.open)
  const session = useSession()
  const desktop = getDesktopApi()
  const inviteId = useId()
  const [inviteOpen, setInviteOpen] = useState(false)
  const [copyResult, showCopyResult] = useTransientFlag<{
    url: string
    ok: boolean
  }>(2500)
  const media = useCallStoreShallow((s) => ({
    audio: s.local.audioEnabled,
    video: s.local.videoEnabled,
    hasMicrophone: s.local.microphones.length > 0,
    hasCamera: s.local.cameras.length > 0,
    sharing: s.local.screenShares.length > 0,
  }))
  const room = useCallStore((s) => s.room?.id ?? '')
  const roomKey = useCallStore((s) => s.room?.key ?? null)
  const serverUrl = useCallStore((s) => s.serverUrl)
  const canShare =
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getDisplayMedia === 'function'

  const micLabel = t(media.audio ? 'media.muteMic' : 'media.unmuteMic')
  const cameraLabel = t(media.video ? 'media.turnOffCamera' : 'media.turnOnCamera')
  const withShortcut = (label: string, action: ShortcutAction): string =>
    t('controls.withShortcut', { label, shortcut: shortcutLabel(action, isMac) })

  const copy = async (url: string): Promise<void> => {
    showCopyResult({ url, ok: await copyText(url) })
  }

  const onInvite = (): void => {
    if (desktop) setInviteOpen((open) => !open)
    else void copy(buildWebInviteUrl(window.location.href, room, roomKey))
  }

  return (
    <div className="controls">
      <UplinkSummary />
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('controls.label')}
        onKeyDown={onToolbarKeyDown}
      >
        <div className="toolbar-group">
          <IconButton
            label={micLabel}
            title={withShortcut(micLabel, 'toggleMic')}
            variant={media.audio ? 'default' : 'off'}
            disabled={!media.hasMicrophone}
            onClick={() => void session.toggleAudio()}
          >
            {media.audio && media.hasMicrophone ? <MicIcon /> : <MicOffIcon />}
          </IconButton>
          <IconButton
            label={cameraLabel}
            title={withShortcut(cameraLabel, 'toggleCamera')}
            variant={media.video ? 'default' : 'off'}
            disabled={!media.hasCamera}
            onClick={() => void session.toggleVideo()}
          >
            {media.video && media.hasCamera ? <CameraIcon /> : <CameraOffIcon />}
          </IconButton>
          <IconButton
            label={t(media.sharing ? 'controls.stopSharing' : 'controls.shareScreen')}
            variant={media.sharing ? 'active' : 'default'}
            disabled={!canShare && !media.sharing}
            onClick={onToggleScreenShare}
          >
            {media.sharing ? <StopScreenIcon /> : <ScreenIcon />}
          </IconButton>
          <IconButton
            label={t('whiteboard.open')}
            variant={boardOpen ? 'active' : 'default'}
            pressed={boardOpen}
            onClick={() => session.whiteboard.toggle()}
          >
            <WhiteboardIcon />
          </IconButton>
          <GameButton dialogId={GAME_SETTINGS_DIALOG_ID} />
          <IconButton
            label={t('chat.open')}
            title={withShortcut(t('chat.open'), 'toggleChat')}
            variant={chatOpen ? 'active' : 'default'}
            expanded={chatOpen}
            controls={chatId}
            badge={unread}
            describedBy={unread > 0 ? unreadId : undefined}
            onClick={onToggleChat}
          >
            <ChatIcon />
          </IconButton>
          <IconButton
            label={t('controls.devices')}
            hasPopup="dialog"
            expanded={devicesOpen}
            controls={devicesDialogId}
            onClick={onOpenDevices}
          >
            <SettingsIcon />
          </IconButton>
          <IconButton
            label={t('controls.copyInvite')}
            hasPopup={desktop ? 'dialog' : undefined}
            expanded={desktop ? inviteOpen : undefined}
            controls={desktop ? inviteId : undefined}
            onClick={onInvite}
          >
            <LinkIcon />
          </IconButton>
          <IconButton
            label={t('controls.leave')}
            variant="danger"
            className="leave-button"
            onClick={() => void session.leave()}
          >
            <PhoneOffIcon />
          </IconButton>
        </div>
      </div>
      <span id={unreadId} className="visually-hidden">
        {unread > 0 ? t('chat.unread', { count: unread }) : ''}
      </span>
      {/* While the popover is open it shows the result on the button; the status stays for screen readers. */}
      <p
        role="status"
        className={`toast${copyResult ? ' is-visible' : ''}${inviteOpen ? ' visually-hidden' : ''}`}
      >
        {copyResult ? t(copyResult.ok ? 'invite.copied' : 'invite.copyFailed') : ''}
      </p>
      {desktop && inviteOpen ? (
        <InvitePopover
          id={inviteId}
          desktop={desktop}
          room={room}
          roomKey={roomKey}
          serverUrl={serverUrl}
          copiedUrl={copyResult?.ok ? copyResult.url : null}
          onCopy={(url) => void copy(url)}
          onClose={() => setInviteOpen(false)}
        />
      ) : null}
    </div>
  )
}
