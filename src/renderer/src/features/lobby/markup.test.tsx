import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { Session } from '../../session/types'
import { SessionContext } from '../../sessionContext'
import { LobbyScreen } from './LobbyScreen'

const fakeSession = {
  startPreview: vi.fn(async () => undefined),
  stopPreview: vi.fn(),
} as unknown as Session

function labelledControl(html: string, label: string): string {
  const id = new RegExp(`<label for="([^"]+)"[^>]*>${label}</label>`).exec(html)?.[1]
  expect(id, `label ${label}`).toBeDefined()
  const control = new RegExp(`<(input|select)[^>]*id="${id}"[^>]*>`).exec(html)?.[0]
  expect(control, `control for ${label}`).toBeDefined()
  return control ?? ''
}

describe('LobbyScreen markup (the E2E contract)', () => {
  const html = renderToStaticMarkup(
    <SessionContext.Provider value={fakeSession}>
      <LobbyScreen />
    </SessionContext.Provider>,
  )

  it('has the Moim heading, the labelled form fields and the Join button', () => {
    expect(html).toMatch(/<h1[^>]*>.*Moim<\/h1>/)
    expect(labelledControl(html, 'Your name')).toMatch(/^<input/)
    expect(labelledControl(html, 'Room')).toMatch(/^<input/)
    expect(labelledControl(html, 'Password')).toContain('type="password"')
    expect(labelledControl(html, 'Room size')).toMatch(/^<select/)
    expect(html).toMatch(/<button type="submit"[^>]*>Join<\/button>/)
  })

  it('offers room sizes 2 to 12 with 6 chosen', () => {
    expect(html).toContain('<option value="2">2 people</option>')
    expect(html).toContain('<option value="12">12 people</option>')
    expect(html).toContain('<option value="6" selected="">6 people</option>')
  })

  it('has the mirrored, muted camera preview with toggles and device choices', () => {
    expect(html).toMatch(/<video[^>]*is-mirrored[^>]*muted=""[^>]*aria-label="Camera preview"/)
    expect(html).toContain('aria-label="Mute microphone"')
    expect(html).toContain('aria-label="Turn off camera"')
    expect(labelledControl(html, 'Camera')).toMatch(/^<select[^>]*disabled=""/)
    expect(labelledControl(html, 'Microphone')).toMatch(/^<select/)
    expect(html).toContain('role="meter" aria-label="Microphone level"')
  })

  it('shows no server settings in the web client, only the language', () => {
    expect(html).not.toContain('Host on this computer')
    expect(labelledControl(html, 'Language')).toMatch(/^<select/)
  })
})
