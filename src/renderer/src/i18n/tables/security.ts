/** Hosting, invite-only calls and removals (English and Korean). */
export const en = {
  'security.hostingNotice': 'Friends on this network can join with the invite link.',
  'security.hostingOff':
    'Only this computer can reach your call right now. Open this again in a moment.',
  'security.certificateNotice':
    'The first time, their browser warns that the connection is not private: your computer made its own certificate. They can continue if the certificate fingerprint (SHA-256) is:',
  'security.inviteOnly':
    'The link carries the call’s key: share it only with the people you invite.',
  'security.inviteRequired': 'This call can only be joined with its invite link.',
  'security.inviteRequiredHint': 'Ask the host to send you the invite link, then open it.',
  'security.restarting': 'The server just restarted and people are coming back.',
  'security.restartingHint': 'Try again in a few seconds.',
  'security.removedTitle': 'Removed from this call',
  'security.allowBack': 'Let back in',
  'security.allowBackNamed': 'Let {name} back in',
} as const

export type SecurityStringKey = keyof typeof en

export const ko: Record<SecurityStringKey, string> = {
  'security.hostingNotice': '같은 네트워크의 친구는 초대 링크로 참여할 수 있습니다.',
  'security.hostingOff': '지금은 이 컴퓨터에서만 통화에 접속할 수 있습니다. 잠시 후 다시 여세요.',
  'security.certificateNotice':
    '처음 접속할 때 브라우저가 연결이 비공개가 아니라고 경고합니다. 내 컴퓨터가 직접 만든 인증서이기 때문입니다. 인증서 지문(SHA-256)이 다음과 같으면 계속해도 됩니다:',
  'security.inviteOnly': '링크에는 통화의 키가 들어 있습니다. 초대할 사람에게만 공유하세요.',
  'security.inviteRequired': '이 통화는 초대 링크로만 참여할 수 있습니다.',
  'security.inviteRequiredHint': '호스트에게 초대 링크를 받아서 여세요.',
  'security.restarting': '서버가 방금 다시 시작되어 참여자들이 돌아오는 중입니다.',
  'security.restartingHint': '몇 초 후에 다시 시도하세요.',
  'security.removedTitle': '통화에서 내보낸 사람',
  'security.allowBack': '다시 들어오게 하기',
  'security.allowBackNamed': '{name} 님이 다시 들어오게 하기',
}

export const securityStrings = { en, ko } as const
