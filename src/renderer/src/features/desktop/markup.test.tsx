import { renderToStaticMarkup } from 'react-dom/server'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MoimDesktopApi, UpdateStatus } from '../../platform/desktop'
import type { Session } from '../../session/types'
import { SessionContext } from '../../sessionContext'
import { CloseCallDialog } from './CloseCallDialog'
import { DeepLinkDialog } from './DeepLinkDialog'
import { DesktopSettings } from './DesktopSettings'
import { desktopStore, INITIAL_DESKTOP_STATE } from './desktopStore'
import { UpdateBanner } from './UpdateBanner'
import { updateStatusText } from './updateStatusText'

// Server rendering reads a store's initial state; these tests render the state they set.
vi.mock('zustand', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  useStore: <S, U>(
    store: { getState(): S },
    selector: (state: S) => U = (s) => s as unknown as U,
  ) => selector(store.getState()),
}))

const session = { leave: vi.fn(), join: vi.fn(), clearError: vi.fn() } as unknown as Session

function render(element: ReactElement): string {
  return renderToStaticMarkup(
    <SessionContext.Provider value={session}>{element}</SessionContext.Provider>,
  )
}

beforeEach(() => {
  vi.stubGlobal('window', { moim: {} as MoimDesktopApi })
  desktopStore.setState({ ...INITIAL_DESKTOP_STATE })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('UpdateBanner', () => {
  it('offers "Restart to update" once an update is ready, and nothing before', () => {
    desktopStore.setState({ update: { state: 'downloading', version: '1.2.0', percent: 40 } })
    expect(render(<UpdateBanner />)).toBe('')
    desktopStore.setState({ update: { state: 'ready', version: '1.2.0' } })
    const html = render(<UpdateBanner />)
    expect(html).toContain('<p role="status" class="update-banner-text">Moim 1.2.0 is ready')
    expect(html).toMatch(/<button type="button"[^>]*>Restart to update<\/button>/)
    desktopStore.setState({ restartRefused: true })
    expect(render(<UpdateBanner />)).toContain('role="alert"')
  })

  it('is never shown in the web client', () => {
    vi.stubGlobal('window', {})
    desktopStore.setState({ update: { state: 'ready', version: '1.2.0' } })
    expect(render(<UpdateBanner />)).toBe('')
  })
})

describe('DesktopSettings', () => {
  it('offers the three close choices and the update status with "Check for updates"', () => {
    desktopStore.setState({ closeDuringCall: 'tray', update: { state: 'up-to-date' } })
    const html = render(<DesktopSettings />)
    expect(html).toMatch(/<label for="[^"]+" class="field-label">Closing the window during a call/)
    expect(html).toContain('<option value="ask">Ask me</option>')
    expect(html).toContain('<option value="tray" selected="">Keep the call running in the tray')
    expect(html).toContain('<option value="quit">Leave the call and close</option>')
    expect(html).toContain('Moim is up to date.')
    expect(html).toContain('>Check for updates</button>')
  })

  it('says why updates are off, without a button', () => {
    desktopStore.setState({ update: { state: 'off', reason: 'development' } })
    const html = render(<DesktopSettings />)
    expect(html).toContain('Automatic updates are off in development builds.')
    expect(html).not.toContain('Check for updates')
  })
})

describe('dialogs', () => {
  it('the invite-link question shows the room, the host, and that it is for this call only', () => {
    desktopStore.setState({
      linkOffer: {
        room: 'x',
        server: { kind: 'link', url: 'https://evil.example', host: 'evil.example' },
        leaves: 'monday',
        key: null,
      },
    })
    const html = render(<DeepLinkDialog />)
    expect(html).toMatch(
      /<dialog[^>]*aria-labelledby="([^"]+)"[^>]*>.*<h2 id="\1"[^>]*>Join x\?<\/h2>/,
    )
    expect(html).toContain('<dd class="link-server-name">evil.example, named by the link</dd>')
    expect(html).toContain('your saved server does not change')
    expect(html).toContain('You will leave the call in monday first.')
    expect(html).toMatch(/<label for="[^"]+" class="field-label">Your name<\/label>/)
    expect(html).toContain('>Cancel</button>')
    expect(html).toMatch(/<button type="submit"[^>]*>Join<\/button>/)
  })

  it('the close question offers keep, leave and cancel, and remembering', () => {
    expect(render(<CloseCallDialog />)).toBe('')
    desktopStore.setState({ closeAsked: true })
    const html = render(<CloseCallDialog />)
    expect(html).toContain('Leave the call?')
    expect(html).toContain('Remember my choice')
    expect(html).toContain('>Keep the call running</button>')
    expect(html).toContain('>Leave and close</button>')
    expect(html).toContain('>Cancel</button>')
  })
})

describe('updateStatusText', () => {
  it('has a sentence for every state', () => {
    const statuses: UpdateStatus[] = [
      { state: 'off', reason: 'no-feed' },
      { state: 'off', reason: 'unsupported' },
      { state: 'idle' },
      { state: 'checking' },
      { state: 'available', version: '2.0.0' },
      { state: 'downloading', version: '2.0.0', percent: 5 },
      { state: 'error', message: 'offline' },
    ]
    expect(statuses.map((status) => updateStatusText(status).key)).toEqual([
      'desktop.updateOffNoFeed',
      'desktop.updateOffUnsupported',
      'desktop.updateIdle',
      'desktop.updateChecking',
      'desktop.updateAvailable',
      'desktop.updateDownloading',
      'desktop.updateError',
    ])
  })
})
