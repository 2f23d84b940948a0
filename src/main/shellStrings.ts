/** The few strings the main process shows itself (tray, menu, dialogs), in English and Korean. */
const EN = {
  show: 'Show Moim',
  mute: 'Mute microphone',
  unmute: 'Unmute microphone',
  leave: 'Leave call',
  quit: 'Quit Moim',
  call: 'Call',
  trayIdle: 'Moim',
  trayInCall: 'In a call',
  statusInCall: 'In a call: {room}',
  statusMuted: 'Microphone off',
  stillRunningTitle: 'Moim is still in your call',
  stillRunningBody:
    'Closing the window kept the call going. Open Moim from its tray icon to return or leave.',
  openLinkTitle: 'Open link',
  openLinkMessage: 'Open this link from the chat in your browser? It goes to {host}.',
  openLinkOpen: 'Open',
  openLinkCancel: 'Cancel',
}

export type ShellStrings = typeof EN

const KO: ShellStrings = {
  show: 'Moim 열기',
  mute: '마이크 끄기',
  unmute: '마이크 켜기',
  leave: '통화 나가기',
  quit: 'Moim 종료',
  call: '통화',
  trayIdle: 'Moim',
  trayInCall: '통화 중',
  statusInCall: '통화 중: {room}',
  statusMuted: '마이크 꺼짐',
  stillRunningTitle: 'Moim 통화가 계속되고 있습니다',
  stillRunningBody:
    '창을 닫아도 통화는 계속됩니다. 트레이 아이콘에서 Moim을 열어 돌아오거나 통화를 나갈 수 있습니다.',
  openLinkTitle: '링크 열기',
  openLinkMessage: '채팅의 이 링크를 브라우저에서 열까요? 연결되는 곳: {host}',
  openLinkOpen: '열기',
  openLinkCancel: '취소',
}

export function shellStrings(locale: string): ShellStrings {
  return locale.toLowerCase().startsWith('ko') ? KO : EN
}
