/** The few strings the main process shows itself (tray, menu), in English and Korean. */
const EN = {
  show: 'Show Moim',
  mute: 'Mute microphone',
  unmute: 'Unmute microphone',
  leave: 'Leave call',
  quit: 'Quit Moim',
  call: 'Call',
  trayIdle: 'Moim',
  trayInCall: 'Moim — in a call',
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
  trayInCall: 'Moim — 통화 중',
}

export function shellStrings(locale: string): ShellStrings {
  return locale.toLowerCase().startsWith('ko') ? KO : EN
}
