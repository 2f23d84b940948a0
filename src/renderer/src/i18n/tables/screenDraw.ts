/** Drawing over a shared screen (English and Korean). */
export const en = {
  'screenDraw.draw': 'Draw on screen',
  'screenDraw.tools': 'Screen drawing tools',
  'screenDraw.color': 'Pen colour',
  'screenDraw.pin': 'Pin marks',
  'screenDraw.clear': 'Clear marks for everyone',
  'screenDraw.allow': 'Let everyone draw on my screen',
  'screenDraw.marks': 'Marks drawn on the shared screen',
  'screenDraw.hint':
    'Draw with the mouse, a pen or a finger; everyone sees it on the shared screen. Marks fade after a few seconds unless pinned. Esc stops drawing.',
}

export const ko: Record<keyof typeof en, string> = {
  'screenDraw.draw': '화면에 그리기',
  'screenDraw.tools': '화면 그리기 도구',
  'screenDraw.color': '펜 색',
  'screenDraw.pin': '표시 고정',
  'screenDraw.clear': '모두의 화면에서 표시 지우기',
  'screenDraw.allow': '모두가 내 화면에 그릴 수 있게 하기',
  'screenDraw.marks': '공유 화면 위에 그린 표시',
  'screenDraw.hint':
    '마우스, 펜, 손가락으로 그리면 모두가 공유 화면에서 봅니다. 고정하지 않은 표시는 몇 초 뒤에 사라집니다. Esc를 누르면 그리기를 멈춥니다.',
}

export const screenDrawStrings = { en, ko } as const
