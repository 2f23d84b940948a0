/**
 * electron-updater behind the small UpdaterLike interface the UpdateController drives. Loaded
 * only when updates are on: electron-updater reads app-update.yml from the app's resources,
 * which only a packaged build with a feed has (electron-builder.config.ts, docs/release.md).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AppUpdater } from 'electron-updater'
import type { UpdateOffReason } from '../preload/index.d'
import type { UpdaterLike } from './updater'

export interface UpdateEnvironment {
  isPackaged: boolean
  platform: NodeJS.Platform
  resourcesPath: string
  env: Readonly<Record<string, string | undefined>>
  exists?: (path: string) => boolean
}

/** Why updates are off here, or null when they can run. */
export function updateOffReason(environment: UpdateEnvironment): UpdateOffReason | null {
  const exists = environment.exists ?? existsSync
  if (!environment.isPackaged) return 'development'
  if (!exists(join(environment.resourcesPath, 'app-update.yml'))) return 'no-feed'
  // On Linux only an AppImage (APPIMAGE is set by its runtime) or a deb/rpm/pacman package
  // (electron-builder writes resources/package-type) can replace itself.
  if (
    environment.platform === 'linux' &&
    !environment.env.APPIMAGE &&
    !exists(join(environment.resourcesPath, 'package-type'))
  ) {
    return 'unsupported'
  }
  return null
}

export function adaptUpdater(updater: AppUpdater): UpdaterLike {
  // Downloads wait for the end of a call, so the controller starts them.
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = true
  updater.allowPrerelease = false
  updater.allowDowngrade = false
  return {
    checkForUpdates: () => updater.checkForUpdates(),
    downloadUpdate: () => updater.downloadUpdate(),
    // "Restart to update": the Windows installer runs without its wizard, then Moim starts again.
    quitAndInstall: () => updater.quitAndInstall(true, true),
    onAvailable: (listener) => void updater.on('update-available', listener),
    onNotAvailable: (listener) => void updater.on('update-not-available', () => listener()),
    onProgress: (listener) => void updater.on('download-progress', (p) => listener(p.percent)),
    onDownloaded: (listener) => void updater.on('update-downloaded', listener),
    onError: (listener) => void updater.on('error', listener),
  }
}

export async function loadElectronUpdater(): Promise<UpdaterLike> {
  const module = await import('electron-updater')
  // CommonJS: the getter lives on module.exports (the default export under ESM interop).
  const autoUpdater = (module.default ?? module).autoUpdater
  return adaptUpdater(autoUpdater)
}
