import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { Session } from '../../session/types'
import { SessionContext } from '../../sessionContext'
import { WhiteboardSurface } from './WhiteboardSurface'
import { WhiteboardToolbar } from './WhiteboardToolbar'

const session = {
  whiteboard: {
    scene: { visible: () => [], onChange: () => () => {} },
    undo: vi.fn(),
    redo: vi.fn(),
  },
} as unknown as Session

function render(element: React.ReactElement): string {
  return renderToStaticMarkup(
    <SessionContext.Provider value={session}>{element}</SessionContext.Provider>,
  )
}

describe('whiteboard markup (what E2E and assistive technology rely on)', () => {
  it('the toolbar is named, with named radio groups for tool, colour and size', () => {
    const html = render(<WhiteboardToolbar painterRef={{ current: null }} />)
    expect(html).toMatch(/^<div class="wb-toolbar" role="toolbar" aria-label="Whiteboard tools">/)
    for (const group of ['Tool', 'Colour', 'Size'])
      expect(html).toContain(`role="radiogroup" aria-label="${group}"`)
    expect(html.match(/type="radio"/g)).toHaveLength(3 + 12 + 4)
    // The pen, the first colour and the medium size are chosen to begin with.
    expect(html.match(/checked=""/g)).toHaveLength(3)
    for (const name of ['Pen', 'Eraser', 'Fill', 'Black', 'Red', 'Thin', 'Very thick'])
      expect(html).toContain(`<span class="visually-hidden">${name}</span>`)
    expect(html).toMatch(/aria-label="Undo my last drawing"[^>]*disabled=""/)
    expect(html).toContain('aria-label="Clear board" title="Clear board" aria-haspopup="dialog"')
    expect(html).toContain('aria-label="Save as PNG"')
  })

  it('outside a call (nobody may draw) the surface shows the board without tools', () => {
    const html = render(<WhiteboardSurface />)
    expect(html).toContain('<section class="wb-surface" aria-label="Whiteboard">')
    expect(html).not.toContain('role="toolbar"')
    expect(html).toContain('role="img" aria-label="Shared whiteboard"')
  })
})
