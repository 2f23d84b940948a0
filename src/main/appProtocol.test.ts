import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  createAppRequestHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from './appProtocol'

const root = mkdtempSync(join(tmpdir(), 'moim-protocol-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Moim</title>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(tmpdir(), 'moim-secret.txt'), 'secret')

describe('resolveAppPath', () => {
  it('maps the root and assets inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://moim/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://moim/assets/app.js?v=1')).toBe(
      join(root, 'assets', 'app.js'),
    )
  })

  it.each([
    'app://moim/../moim-secret.txt',
    'app://moim/%2e%2e/moim-secret.txt',
    'app://moim/assets/..%2F..%2Fmoim-secret.txt',
    'app://moim/a/%2E%2E/%2E%2E/%2E%2E/moim-secret.txt',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = resolveAppPath(root, url)
    expect(file === null || file.startsWith(join(root, '/'))).toBe(true)
  })

  it.each([
    'app://moim/assets/..%2F..%2Fmoim-secret.txt',
    'app://moim/assets%5C..%5C..%5Cmoim-secret.txt',
    'app://moim/index.html%00.png',
    'app://moim/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('rejects %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })
})

describe('app:// request handler', () => {
  const handler = createAppRequestHandler({
    root,
    staticPages: new Map([['/__bar.html', { body: '<p>bar</p>', contentType: 'text/html' }]]),
  })

  it('serves files with a strict CSP and a content type', async () => {
    const res = await handler(new Request('app://moim/assets/app.js'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/javascript/)
    const csp = res.headers.get('content-security-policy')
    // WebAssembly may be compiled (hash-wasm in the file workers); JS eval stays forbidden.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(csp).not.toContain("'unsafe-eval'")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('answers 404 for traversal and missing files, 405 for writes', async () => {
    expect((await handler(new Request('app://moim/%2e%2e/moim-secret.txt'))).status).toBe(404)
    expect((await handler(new Request('app://moim/missing.js'))).status).toBe(404)
    const post = await handler(new Request('app://moim/index.html', { method: 'POST', body: 'x' }))
    expect(post.status).toBe(405)
  })

  it('serves generated pages with the same headers', async () => {
    const res = await handler(new Request('app://moim/__bar.html'))
    expect(await res.text()).toBe('<p>bar</p>')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })
})

describe('protocol registration', () => {
  it('registers app:// as a standard secure scheme and handles it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    handleAppProtocol(protocol, { root })
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
