/**
 * A call hosted by another Moim app is served over HTTPS with that app's self-signed
 * certificate. Its moim:// invite link pins the certificate (`cert=`: base64url SHA-256 of
 * the DER); this app then trusts exactly that certificate for that host, and nothing else
 * changes: every other certificate goes through Chromium's normal verification.
 */
import { createHash, X509Certificate } from 'node:crypto'
import type { DeepLinkJoin } from '../preload/index.d'

/** What Electron's session.setCertificateVerifyProc passes (the part used here). */
export interface VerifyRequest {
  hostname: string
  certificate: { data: string }
}

/** 0: trust it; -3: let Chromium decide as usual. */
export type VerifyResult = 0 | -3

const MAX_PINS = 64

export class CertificatePins {
  private readonly pins = new Map<string, string>()

  /** Remembers the pin of a deep link (ignored when it has none). Returns the link. */
  remember(link: DeepLinkJoin): DeepLinkJoin {
    if (!link.server || !link.cert) return link
    const host = new URL(link.server).hostname.replace(/^\[|\]$/g, '')
    this.pins.delete(host)
    this.pins.set(host, link.cert)
    if (this.pins.size > MAX_PINS) this.pins.delete(this.pins.keys().next().value as string)
    return link
  }

  verify(request: VerifyRequest): VerifyResult {
    const pin = this.pins.get(request.hostname.replace(/^\[|\]$/g, ''))
    if (!pin) return -3
    try {
      const raw = new X509Certificate(request.certificate.data).raw
      return createHash('sha256').update(raw).digest('base64url') === pin ? 0 : -3
    } catch {
      return -3
    }
  }
}
