import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { RemovedList } from './RemovedPeople'

describe('RemovedList', () => {
  it('names each removed person, isolated, with a named "Let back in" button', () => {
    const html = renderToStaticMarkup(
      <RemovedList removed={[{ id: 'p9', name: 'שלום' }]} onAllow={vi.fn()} />,
    )
    expect(html).toContain('aria-label="Removed from this call"')
    expect(html).toContain('<bdi class="removed-name">שלום</bdi>')
    expect(html).toContain('aria-label="Let שלום back in"')
    expect(html).toContain('>Let back in</button>')
  })
})
