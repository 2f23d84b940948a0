/**
 * CSP for every app:// response. connect-src must reach whatever signaling server the user
 * picks (LAN or internet), so it allows http(s)/ws(s) but nothing may run code from there.
 * style-src keeps 'unsafe-inline' because React writes style attributes; inline *scripts*
 * stay forbidden, which is what CSP protects against here. 'wasm-unsafe-eval' lets the file
 * workers compile hash-wasm's bundled SHA-256 WebAssembly; it does not allow eval() or
 * new Function() (docs/architecture.md, "Security").
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self' data:",
  "connect-src 'self' http: https: ws: wss:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
