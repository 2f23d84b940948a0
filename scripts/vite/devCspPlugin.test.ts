import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { IndexHtmlTransformHook } from 'vite'
import { devCspPlugin } from './devCspPlugin'

describe('devCspPlugin', () => {
  it('is applied only while serving, so production builds keep the CSP', () => {
    expect(devCspPlugin().apply).toBe('serve')
  })

  it('removes the CSP meta from the real index.html and nothing else', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    expect(html).toContain('Content-Security-Policy')
    const hook = devCspPlugin().transformIndexHtml as { handler: IndexHtmlTransformHook }
    const out = hook.handler.call({} as never, html, {} as never) as string
    expect(out).not.toContain('Content-Security-Policy')
    expect(out).toContain('<div id="root"></div>')
    expect(out).toContain('name="viewport"')
  })
})
