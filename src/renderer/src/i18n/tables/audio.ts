/** Audio settings, push-to-talk and the muted hint (English and Korean). */
export const en = {
  'audio.speaker': 'Speaker',
  'audio.speakerDefault': 'System default',
  'audio.speakerFallback': 'Speaker {index}',
  'audio.processing': 'Microphone processing',
  'audio.echoCancellation': 'Echo cancellation',
  'audio.noiseSuppression': 'Noise suppression',
  'audio.autoGain': 'Automatic volume',
  'audio.pushToTalk': 'Push to talk',
  'audio.pushToTalkHint':
    'In a call your microphone stays muted except while you hold the Space bar.',
  'audio.mutedSpeaking': 'You’re muted. Unmute to be heard ({shortcut}).',
  'audio.mutedSpeakingPushToTalk': 'You’re muted. Hold Space to talk.',
  'audio.talking': 'Talking: release Space to mute',
  'audio.pushToTalkReady': 'Push to talk: hold Space to talk',
} as const

export type AudioStringKey = keyof typeof en

export const ko: Record<AudioStringKey, string> = {
  'audio.speaker': '스피커',
  'audio.speakerDefault': '시스템 기본값',
  'audio.speakerFallback': '스피커 {index}',
  'audio.processing': '마이크 음성 처리',
  'audio.echoCancellation': '에코 제거',
  'audio.noiseSuppression': '소음 제거',
  'audio.autoGain': '자동 음량 조절',
  'audio.pushToTalk': '눌러서 말하기',
  'audio.pushToTalkHint': '통화 중에는 스페이스 바를 누르고 있는 동안에만 마이크가 켜집니다.',
  'audio.mutedSpeaking': '마이크가 꺼져 있습니다. 들리게 하려면 마이크를 켜세요 ({shortcut}).',
  'audio.mutedSpeakingPushToTalk':
    '마이크가 꺼져 있습니다. 말하려면 스페이스 바를 누르고 있으세요.',
  'audio.talking': '말하는 중: 스페이스 바를 놓으면 마이크가 꺼집니다',
  'audio.pushToTalkReady': '눌러서 말하기: 스페이스 바를 누르고 말하세요',
}

export const audioStrings = { en, ko } as const
