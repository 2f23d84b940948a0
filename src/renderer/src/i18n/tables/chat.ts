/** Chat strings (English and Korean). */
export const en = {
  'chat.open': 'Chat',
  'chat.title': 'Chat',
  'chat.close': 'Close chat',
  'chat.messages': 'Messages',
  'chat.message': 'Message',
  'chat.placeholder': 'Send a message to everyone',
  'chat.send': 'Send',
  'chat.unread': '{count} unread',
  'chat.empty': 'No messages yet. Say hello!',
  'chat.you': 'You',
  'chat.joined': '{name} joined',
  'chat.left': '{name} left',
  'chat.remaining': '{count} characters left',
  'chat.tooLong': 'Messages can be at most {max} characters. Shorten this one by {over}.',
  'chat.notInCall': 'You are not in a call.',
  'chat.notifyMany': '{count} new messages',
  'chat.sentAt': 'Sent at {time}',
  'chat.shortcutHint': 'Enter sends, Shift+Enter adds a line',
  'chat.notifications': 'Notify me of chat messages',
  'chat.notificationsHint':
    'A system notification when a message arrives while Moim is in the background.',
  'chat.titleUnread': '({count}) {title}',
} as const

export type ChatStringKey = keyof typeof en

export const ko: Record<ChatStringKey, string> = {
  'chat.open': '채팅',
  'chat.title': '채팅',
  'chat.close': '채팅 닫기',
  'chat.messages': '메시지',
  'chat.message': '메시지',
  'chat.placeholder': '모두에게 메시지 보내기',
  'chat.send': '보내기',
  'chat.unread': '읽지 않음 {count}개',
  'chat.empty': '아직 메시지가 없습니다. 인사를 건네 보세요!',
  'chat.you': '나',
  'chat.joined': '{name} 님이 들어왔습니다',
  'chat.left': '{name} 님이 나갔습니다',
  'chat.remaining': '{count}자 남음',
  'chat.tooLong': '메시지는 최대 {max}자까지 보낼 수 있습니다. {over}자를 줄여 주세요.',
  'chat.notInCall': '통화 중이 아닙니다.',
  'chat.notifyMany': '새 메시지 {count}개',
  'chat.sentAt': '{time}에 보냄',
  'chat.shortcutHint': 'Enter로 보내고 Shift+Enter로 줄을 바꿉니다',
  'chat.notifications': '채팅 메시지 알림 받기',
  'chat.notificationsHint': 'Moim이 백그라운드에 있을 때 메시지가 오면 시스템 알림을 보냅니다.',
  'chat.titleUnread': '({count}) {title}',
}

export const chatStrings = { en, ko } as const
