import { describe, expect, it } from 'vitest'
import {
  enableLoopbackFeatures,
  systemAudioSupport,
  type CommandLineLike,
  type SystemAudioEnvironment,
} from './systemAudio'

class FakeCommandLine implements CommandLineLike {
  readonly switches = new Map<string, string>()
  hasSwitch(name: string): boolean {
    return this.switches.has(name)
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? ''
  }
  appendSwitch(name: string, value = ''): void {
    if (this.switches.has(name)) throw new Error(`${name} given twice`)
    this.switches.set(name, value)
  }
  removeSwitch(name: string): void {
    this.switches.delete(name)
  }
}

describe('enableLoopbackFeatures', () => {
  it('turns on ScreenCaptureKit loopback on macOS and PulseAudio loopback on Linux', () => {
    const mac = new FakeCommandLine()
    enableLoopbackFeatures(mac, 'darwin')
    expect(mac.getSwitchValue('enable-features')).toBe(
      'MacLoopbackAudioForScreenShare,MacSckSystemAudioLoopbackOverride',
    )
    const linux = new FakeCommandLine()
    enableLoopbackFeatures(linux, 'linux')
    expect(linux.getSwitchValue('enable-features')).toBe('PulseaudioLoopbackForScreenShare')
  })

  it('keeps features the user enabled, once each', () => {
    const commandLine = new FakeCommandLine()
    commandLine.appendSwitch(
      'enable-features',
      'WebRtcPipeWireCapturer, PulseaudioLoopbackForScreenShare',
    )
    enableLoopbackFeatures(commandLine, 'linux')
    expect(commandLine.getSwitchValue('enable-features')).toBe(
      'WebRtcPipeWireCapturer,PulseaudioLoopbackForScreenShare',
    )
  })

  it('changes nothing on Windows, where loopback capture needs no switch', () => {
    const commandLine = new FakeCommandLine()
    expect(enableLoopbackFeatures(commandLine, 'win32')).toEqual([])
    expect(commandLine.switches.size).toBe(0)
  })
})

describe('systemAudioSupport', () => {
  const environment = (patch: Partial<SystemAudioEnvironment>): SystemAudioEnvironment => ({
    platform: 'linux',
    systemVersion: '',
    env: {},
    uid: 1000,
    exists: () => false,
    ...patch,
  })

  it('Windows always; macOS from 12.3', () => {
    expect(systemAudioSupport(environment({ platform: 'win32' }))).toEqual({ supported: true })
    for (const version of ['12.3', '12.3.1', '13.0', '15.4.1']) {
      expect(
        systemAudioSupport(environment({ platform: 'darwin', systemVersion: version })),
      ).toEqual({ supported: true })
    }
    for (const version of ['12.2.1', '11.7', '']) {
      expect(
        systemAudioSupport(environment({ platform: 'darwin', systemVersion: version })),
      ).toEqual({ supported: false, limit: 'macos-too-old' })
    }
  })

  it('Linux with a PulseAudio or PipeWire pulse server, found the way libpulse finds it', () => {
    const socketAt = (path: string) => (candidate: string) => candidate === path
    expect(
      systemAudioSupport(
        environment({
          env: { XDG_RUNTIME_DIR: '/run/user/1000' },
          exists: socketAt('/run/user/1000/pulse/native'),
        }),
      ),
    ).toEqual({ supported: true })
    expect(
      systemAudioSupport(
        environment({ uid: 1001, exists: socketAt('/run/user/1001/pulse/native') }),
      ),
    ).toEqual({ supported: true })
    expect(systemAudioSupport(environment({ env: { PULSE_SERVER: 'tcp:host' } }))).toEqual({
      supported: true,
    })
    expect(systemAudioSupport(environment({}))).toEqual({
      supported: false,
      limit: 'no-pulseaudio',
    })
  })

  it('no other OS', () => {
    expect(systemAudioSupport(environment({ platform: 'freebsd' }))).toEqual({
      supported: false,
      limit: 'unsupported-os',
    })
  })
})
