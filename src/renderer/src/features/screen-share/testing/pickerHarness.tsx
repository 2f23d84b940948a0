/**
 * Test page for the desktop screen-share picker, bundled by e2e/screen-share-picker.spec.ts:
 * renders the picker with a fake `listSources` (the main process's job) and records what it
 * reports on window.__picker. Not imported by the app.
 */
import { createRoot } from 'react-dom/client'
import type { ListScreenSourcesRequest, ScreenSource } from '../../../platform/desktop'
import { ScreenSharePicker } from '../ScreenSharePicker'
import type { PickedSource } from '../pickerModel'

const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

function source(type: 'screen' | 'window', n: number): ScreenSource {
  return {
    id: `${type}:${n}:0`,
    name: type === 'screen' ? `Screen ${n}` : `Window ${n}`,
    type,
    displayId: type === 'screen' ? String(n) : '',
    thumbnail: PIXEL,
    appIcon: type === 'window' ? PIXEL : null,
  }
}

interface PickerLog {
  calls: string[]
  result: PickedSource | 'cancelled' | null
}

const log: PickerLog = { calls: [], result: null }
;(window as unknown as { __picker: PickerLog }).__picker = log

const params = new URLSearchParams(location.hash.slice(1))
const listSources = async (request: ListScreenSourcesRequest): Promise<ScreenSource[]> => {
  const type = request.types[0]
  log.calls.push(type)
  const count = type === 'screen' ? 2 : 4
  return Array.from({ length: count }, (_, i) => source(type, i + 1))
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <ScreenSharePicker
    listSources={listSources}
    capabilities={{
      systemPicker: false,
      systemAudio: params.get('audio') === '1',
      systemAudioLimit: params.get('audio') === '1' ? null : 'no-pulseaudio',
      rememberedAudio: params.get('remembered') === '1',
    }}
    initialQuality="text"
    pollMs={50}
    onShare={(picked) => {
      log.result = picked
    }}
    onCancel={() => {
      log.result = 'cancelled'
    }}
  />,
)
