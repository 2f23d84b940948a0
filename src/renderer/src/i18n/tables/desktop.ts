/** Desktop shell strings (English and Korean): updates, closing during a call, invite links. */
export const en = {
  'desktop.updateReady': 'Moim {version} is ready to install.',
  'desktop.updateRestart': 'Restart to update',
  'desktop.updateRefused': 'Moim restarts to update only outside a call. Try again after it.',
  'desktop.updates': 'Updates',
  'desktop.updateCheck': 'Check for updates',
  'desktop.updateIdle': 'Moim checks for updates when it starts and once a day.',
  'desktop.updateChecking': 'Checking for updates…',
  'desktop.updateUpToDate': 'Moim is up to date.',
  'desktop.updateAvailable': 'Moim {version} is available. It downloads after your call.',
  'desktop.updateDownloading': 'Downloading Moim {version}: {percent}%',
  'desktop.updateReadyStatus': 'Moim {version} is ready. Restart to update.',
  'desktop.updateError': 'Could not update: {message}',
  'desktop.updateOffDevelopment': 'Automatic updates are off in development builds.',
  'desktop.updateOffNoFeed': 'Automatic updates are not set up for this build.',
  'desktop.updateOffUnsupported':
    'This installation cannot update itself. Install new versions from the download page.',

  'desktop.closeTitle': 'Leave the call?',
  'desktop.closeBody': 'You are still in a call in {room}. Closing Moim would end it for you.',
  'desktop.closeTray': 'Keep the call running',
  'desktop.closeTrayHint': 'Moim stays in the tray; open it from there to come back or leave.',
  'desktop.closeQuit': 'Leave and close',
  'desktop.closeCancel': 'Cancel',
  'desktop.closeRemember': 'Remember my choice',
  'desktop.closeSetting': 'Closing the window during a call',
  'desktop.closeSettingAsk': 'Ask me',
  'desktop.closeSettingTray': 'Keep the call running in the tray',
  'desktop.closeSettingQuit': 'Leave the call and close',

  'desktop.linkTitle': 'Join {room}?',
  'desktop.linkBody': 'An invite link asks Moim to join the room {room}.',
  'desktop.linkServer': 'Server',
  'desktop.linkServerFromLink': '{host}, named by the link',
  'desktop.linkServerOnce':
    'Used for this call only: your saved server does not change. Join only if you know {host}: it will see your name, and the room password if you type one.',
  'desktop.linkServerSaved': 'Your server from Settings',
  'desktop.linkLeaves': 'You will leave the call in {room} first.',
  'desktop.linkJoin': 'Join',
  'desktop.linkCancel': 'Cancel',
  'desktop.linkInLobby': 'Joining {room} through {host}, from an invite link.',
  'desktop.linkForget': 'Use my server instead',
} as const

export type DesktopStringKey = keyof typeof en

export const ko: Record<DesktopStringKey, string> = {
  'desktop.updateReady': 'Moim {version}을(를) 설치할 준비가 되었습니다.',
  'desktop.updateRestart': '다시 시작하여 업데이트',
  'desktop.updateRefused':
    'Moim은 통화 중이 아닐 때만 다시 시작하여 업데이트합니다. 통화가 끝난 뒤 다시 시도하세요.',
  'desktop.updates': '업데이트',
  'desktop.updateCheck': '업데이트 확인',
  'desktop.updateIdle': 'Moim은 시작할 때와 하루에 한 번 업데이트를 확인합니다.',
  'desktop.updateChecking': '업데이트 확인 중…',
  'desktop.updateUpToDate': 'Moim이 최신 버전입니다.',
  'desktop.updateAvailable': 'Moim {version}이(가) 나왔습니다. 통화가 끝나면 내려받습니다.',
  'desktop.updateDownloading': 'Moim {version} 내려받는 중: {percent}%',
  'desktop.updateReadyStatus': 'Moim {version}이(가) 준비되었습니다. 다시 시작하여 업데이트하세요.',
  'desktop.updateError': '업데이트하지 못했습니다: {message}',
  'desktop.updateOffDevelopment': '개발용 빌드에서는 자동 업데이트가 꺼져 있습니다.',
  'desktop.updateOffNoFeed': '이 빌드에는 자동 업데이트가 설정되어 있지 않습니다.',
  'desktop.updateOffUnsupported':
    '이 설치 방식은 스스로 업데이트할 수 없습니다. 다운로드 페이지에서 새 버전을 설치하세요.',

  'desktop.closeTitle': '통화를 나갈까요?',
  'desktop.closeBody': '아직 {room} 통화 중입니다. Moim을 닫으면 통화가 끝납니다.',
  'desktop.closeTray': '통화 계속하기',
  'desktop.closeTrayHint':
    'Moim은 트레이에 남아 있습니다. 트레이에서 열어 돌아오거나 나갈 수 있습니다.',
  'desktop.closeQuit': '나가고 닫기',
  'desktop.closeCancel': '취소',
  'desktop.closeRemember': '이 선택 기억하기',
  'desktop.closeSetting': '통화 중에 창을 닫으면',
  'desktop.closeSettingAsk': '매번 묻기',
  'desktop.closeSettingTray': '트레이에서 통화 계속하기',
  'desktop.closeSettingQuit': '통화를 나가고 닫기',

  'desktop.linkTitle': '{room}에 참여할까요?',
  'desktop.linkBody': '초대 링크가 {room} 방에 참여하려고 합니다.',
  'desktop.linkServer': '서버',
  'desktop.linkServerFromLink': '{host} (링크에 적힌 서버)',
  'desktop.linkServerOnce':
    '이번 통화에만 사용되며 저장된 서버는 바뀌지 않습니다. {host}을(를) 아는 경우에만 참여하세요. 이 서버는 내 이름과, 입력한다면 방 비밀번호를 보게 됩니다.',
  'desktop.linkServerSaved': '설정에 저장된 내 서버',
  'desktop.linkLeaves': '먼저 {room} 통화에서 나갑니다.',
  'desktop.linkJoin': '참여',
  'desktop.linkCancel': '취소',
  'desktop.linkInLobby': '초대 링크의 {host} 서버를 통해 {room}에 참여합니다.',
  'desktop.linkForget': '내 서버 사용하기',
}

export const desktopStrings = { en, ko } as const
