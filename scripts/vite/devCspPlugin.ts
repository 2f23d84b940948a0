import type { Plugin } from 'vite'

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*\/?>\s*/i

/**
 * The dev server injects an inline React Refresh preamble that the production CSP forbids, so the
 * meta CSP is dropped while serving only. Built pages (web client, packaged app) keep it.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'moim:dev-csp',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace(CSP_META, '') },
  }
}
