import { describe, expect, it, vi } from 'vitest'
import { confirmExternalLink, externalLinkDialog } from './externalLinkDialog'
import { shellStrings } from './shellStrings'

describe('external link confirmation', () => {
  it('shows the real host and the whole URL, with Cancel as the default', () => {
    const options = externalLinkDialog(
      'https://accounts.evil.example/login?next=moim.app',
      shellStrings('en'),
    )
    expect(options.message).toContain('accounts.evil.example')
    expect(options.detail).toBe('https://accounts.evil.example/login?next=moim.app')
    expect(options.buttons?.[options.defaultId ?? -1]).toBe('Cancel')
    expect(options.cancelId).toBe(options.defaultId)
    expect(externalLinkDialog('https://a.example', shellStrings('ko-KR')).buttons).toEqual([
      '취소',
      '열기',
    ])
  })

  it('opens only on the Open button', async () => {
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0 })) }
    await expect(
      confirmExternalLink(dialog, 'https://a.example', shellStrings('en')),
    ).resolves.toBe(false)
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 })
    await expect(
      confirmExternalLink(dialog, 'https://a.example', shellStrings('en')),
    ).resolves.toBe(true)
  })
})
