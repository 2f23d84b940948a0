/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before it is
 * signed. Fuses are compiled-in switches an attacker cannot turn back on with flags or
 * environment variables (https://www.electronjs.org/docs/latest/tutorial/fuses).
 */
import { join } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses as flipElectronFuses } from '@electron/fuses'

/** electron-builder's Arch enum value for arm64. */
const ARCH_ARM64 = 3

export const MOIM_FUSES = {
  version: FuseVersion.V1,
  // No `ELECTRON_RUN_AS_NODE=1 Moim evil.js`: the signed app cannot be used as a Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS / --inspect could inject code or a debugger into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies and other session secrets are encrypted with an OS-held key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app code must be the asar archive whose hash is embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The app is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** Path of the Electron binary electron-builder just packed for this platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`)
    case 'win32':
      return join(appOutDir, `${name}.exe`)
    case 'linux':
      return join(appOutDir, packager.executableName)
    default:
      throw new Error(`afterPack: unsupported platform ${electronPlatformName}`)
  }
}

export async function applyFuses(context, flip = flipElectronFuses) {
  const binary = electronBinaryPath(context)
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
  await flip(binary, {
    ...MOIM_FUSES,
    // Flipping fuses breaks the ad-hoc signature arm64 macOS requires; re-sign it ad hoc.
    resetAdHocDarwinSignature: isMac && context.arch === ARCH_ARM64,
  })
  return binary
}

export default async function afterPack(context) {
  const binary = await applyFuses(context)
  console.log(`  • flipped Electron fuses  binary=${binary}`)
}
