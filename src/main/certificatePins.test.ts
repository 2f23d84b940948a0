import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CertificatePins } from './certificatePins'
import { certificatePin, generateSelfSigned } from './hostIdentity'

describe('CertificatePins', () => {
  it('trusts exactly the pinned certificate for the pinned host, nothing else', async () => {
    const [mine, other] = await Promise.all([generateSelfSigned(), generateSelfSigned()])
    const pin = certificatePin(new X509Certificate(mine.cert))
    const pins = new CertificatePins()
    // A link without a pin, or without a server, pins nothing.
    pins.remember({ room: 'r', server: 'https://192.168.1.20:5001' })
    expect(pins.verify({ hostname: '192.168.1.20', certificate: { data: mine.cert } })).toBe(-3)

    pins.remember({
      room: 'r',
      server: 'https://192.168.1.20:5001',
      key: 'k'.repeat(22),
      cert: pin,
    })
    expect(pins.verify({ hostname: '192.168.1.20', certificate: { data: mine.cert } })).toBe(0)
    expect(pins.verify({ hostname: '192.168.1.20', certificate: { data: other.cert } })).toBe(-3)
    expect(pins.verify({ hostname: '192.168.1.21', certificate: { data: mine.cert } })).toBe(-3)
    expect(pins.verify({ hostname: '192.168.1.20', certificate: { data: 'garbage' } })).toBe(-3)
  })
})
