import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it, vi } from 'vitest'
import {
  applyFuses,
  electronBinaryPath,
  type AfterPackContextLike,
} from '../../build/afterPack.mjs'

function context(electronPlatformName: string, arch = 1): AfterPackContextLike {
  return {
    appOutDir: '/release/out',
    electronPlatformName,
    arch,
    packager: { appInfo: { productFilename: 'Moim' }, executableName: 'moim' },
  }
}

describe('afterPack fuses', () => {
  it('turns off Node entry points and turns on integrity, asar-only and cookie encryption', async () => {
    const flip = vi.fn(async () => undefined)
    await applyFuses(context('linux'), flip)
    expect(flip).toHaveBeenCalledWith('/release/out/moim', {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      resetAdHocDarwinSignature: false,
    })
  })

  it('finds the binary on each platform and re-signs arm64 macOS builds ad hoc', async () => {
    expect(electronBinaryPath(context('win32'))).toBe('/release/out/Moim.exe')
    expect(electronBinaryPath(context('darwin'))).toBe('/release/out/Moim.app')
    const flip = vi.fn(async () => undefined)
    await applyFuses(context('darwin', 3), flip)
    expect(flip).toHaveBeenCalledWith(
      '/release/out/Moim.app',
      expect.objectContaining({ resetAdHocDarwinSignature: true }),
    )
    expect(() => electronBinaryPath(context('aix'))).toThrow(/unsupported platform/)
  })

  it('fails packaging when flipping fails', async () => {
    const flip = vi.fn(async () => {
      throw new Error('no fuse sentinel')
    })
    await expect(applyFuses(context('linux'), flip)).rejects.toThrow('no fuse sentinel')
  })
})
