/** Screen-share picker strings (English and Korean). */
export const en = {
  'screenShare.title': 'Share your screen',
  'screenShare.tabs': 'What to share',
  'screenShare.screens': 'Screens',
  'screenShare.windows': 'Windows',
  'screenShare.noScreens': 'No screens found.',
  'screenShare.noWindows':
    'No windows to share. Open the window you want to share and it will appear here.',
  'screenShare.loading': 'Looking for things to share…',
  'screenShare.listFailed':
    'Could not list screens and windows. Check the screen recording permission.',
  'screenShare.quality': 'Optimize for',
  'screenShare.qualityText': 'Text and detail',
  'screenShare.qualityTextHint': 'Sharp text, fewer frames: slides, documents, code.',
  'screenShare.qualityMotion': 'Motion',
  'screenShare.qualityMotionHint': 'Smooth movement: videos and games.',
  'screenShare.systemAudio': 'Share system audio',
  'screenShare.systemAudioMacOld': 'Sharing system audio needs macOS 12.3 or newer.',
  'screenShare.systemAudioNoPulse':
    'Sharing system audio needs a PulseAudio or PipeWire sound server.',
  'screenShare.systemAudioUnsupported': 'System audio cannot be shared on this system.',
  'screenShare.share': 'Share',
  'screenShare.cancel': 'Cancel',
  'screenShare.selectFailed': 'That source is gone. Pick another one.',
} as const

export type ScreenShareStringKey = keyof typeof en

export const ko: Record<ScreenShareStringKey, string> = {
  'screenShare.title': '화면 공유',
  'screenShare.tabs': '공유할 대상',
  'screenShare.screens': '화면',
  'screenShare.windows': '창',
  'screenShare.noScreens': '화면을 찾을 수 없습니다.',
  'screenShare.noWindows': '공유할 창이 없습니다. 공유하려는 창을 열면 여기에 나타납니다.',
  'screenShare.loading': '공유할 대상을 찾는 중…',
  'screenShare.listFailed': '화면과 창 목록을 가져오지 못했습니다. 화면 기록 권한을 확인하세요.',
  'screenShare.quality': '최적화 기준',
  'screenShare.qualityText': '텍스트와 세부 사항',
  'screenShare.qualityTextHint': '선명한 글자, 낮은 프레임: 슬라이드, 문서, 코드.',
  'screenShare.qualityMotion': '움직임',
  'screenShare.qualityMotionHint': '부드러운 움직임: 동영상과 게임.',
  'screenShare.systemAudio': '시스템 오디오 공유',
  'screenShare.systemAudioMacOld': '시스템 오디오를 공유하려면 macOS 12.3 이상이 필요합니다.',
  'screenShare.systemAudioNoPulse':
    '시스템 오디오를 공유하려면 PulseAudio 또는 PipeWire 사운드 서버가 필요합니다.',
  'screenShare.systemAudioUnsupported': '이 시스템에서는 시스템 오디오를 공유할 수 없습니다.',
  'screenShare.share': '공유',
  'screenShare.cancel': '취소',
  'screenShare.selectFailed': '해당 대상이 사라졌습니다. 다른 대상을 선택하세요.',
}

export const screenShareStrings = { en, ko } as const
