import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { SystemAudioLimit } from '../../platform/desktop'
import { ScreenSharePicker } from './ScreenSharePicker'

function render(
  systemAudio: boolean,
  rememberedAudio = false,
  systemAudioLimit: SystemAudioLimit | null = null,
): string {
  return renderToStaticMarkup(
    <ScreenSharePicker
      listSources={vi.fn(async () => [])}
      capabilities={{ systemPicker: false, systemAudio, systemAudioLimit, rememberedAudio }}
      initialQuality="motion"
      onShare={vi.fn()}
      onCancel={vi.fn()}
    />,
  )
}

describe('ScreenSharePicker markup', () => {
  it('has Screens/Windows tabs, a quality choice and Share/Cancel buttons', () => {
    const html = render(false)
    expect(html).toContain('role="tablist"')
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Screens</)
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*>Windows</)
    expect(html).toContain('role="tabpanel"')
    expect(html).toMatch(/<legend>Optimize for<\/legend>/)
    expect(html).toMatch(/checked="" value="motion"/)
    expect(html).toMatch(/>Cancel<\/button>/)
    expect(html).toMatch(/disabled=""[^>]*>Share<\/button>/)
    expect(html).not.toContain('Share system audio')
  })

  it('offers system audio only where supported, remembering the last choice', () => {
    expect(render(true, true)).toMatch(/type="checkbox" checked=""\/>Share system audio/)
    expect(render(true, false)).toMatch(/type="checkbox"\/>Share system audio/)
  })

  it('says why system audio is not offered where it cannot be captured', () => {
    expect(render(false, false, 'macos-too-old')).toContain(
      'Sharing system audio needs macOS 12.3 or newer.',
    )
    expect(render(false, false, 'no-pulseaudio')).toContain('PulseAudio or PipeWire')
    expect(render(false, false, 'no-pulseaudio')).not.toContain('type="checkbox"')
  })
})
