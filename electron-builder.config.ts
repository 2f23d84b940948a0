/**
 * Packaging for `npm run dist` (electron-vite build && electron-builder). Outputs go to release/.
 * Everything secret (certificates, passwords, API keys, tokens) comes from environment variables
 * that electron-builder and this file read at build time; nothing secret is in the repository,
 * and with none of them set the build is simply unsigned (see docs/release.md).
 */
import type { Configuration } from 'electron-builder'

export type BuildEnv = Readonly<Record<string, string | undefined>>
type UpdateFeed =
  { provider: 'github'; owner: string; repo: string } | { provider: 'generic'; url: string }

/**
 * Where installed apps look for updates (written into the app as app-update.yml):
 * MOIM_UPDATE_PROVIDER=github (MOIM_UPDATE_GITHUB_REPO=owner/name, default GITHUB_REPOSITORY)
 * or generic (MOIM_UPDATE_URL=https://...). Unset: no feed, the app never checks.
 */
export function updateFeed(env: BuildEnv): UpdateFeed | null {
  const provider = env.MOIM_UPDATE_PROVIDER?.trim()
  if (!provider) return null
  if (provider === 'github') {
    const repo = env.MOIM_UPDATE_GITHUB_REPO || env.GITHUB_REPOSITORY || ''
    const [owner, name, ...rest] = repo.split('/')
    if (!owner || !name || rest.length > 0) {
      throw new Error(
        'MOIM_UPDATE_PROVIDER=github needs MOIM_UPDATE_GITHUB_REPO=owner/name (or GITHUB_REPOSITORY)',
      )
    }
    return { provider: 'github', owner, repo: name }
  }
  if (provider === 'generic') {
    const url = env.MOIM_UPDATE_URL ?? ''
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {
      parsed = null
    }
    if (!parsed || parsed.protocol !== 'https:') {
      throw new Error('MOIM_UPDATE_PROVIDER=generic needs MOIM_UPDATE_URL=https://… (https only)')
    }
    return { provider: 'generic', url }
  }
  throw new Error(`MOIM_UPDATE_PROVIDER must be github or generic, not "${provider}"`)
}

/** Windows signing through Azure Trusted Signing, when its three MOIM_AZURE_SIGN_* are set. */
function azureSigning(env: BuildEnv): NonNullable<Configuration['win']>['azureSignOptions'] {
  const endpoint = env.MOIM_AZURE_SIGN_ENDPOINT
  const codeSigningAccountName = env.MOIM_AZURE_SIGN_ACCOUNT
  const certificateProfileName = env.MOIM_AZURE_SIGN_PROFILE
  if (!endpoint || !codeSigningAccountName || !certificateProfileName) return null
  return {
    endpoint,
    codeSigningAccountName,
    certificateProfileName,
    publisherName: env.MOIM_WIN_PUBLISHER ?? 'Moim',
  }
}

/**
 * With MOIM_REQUIRE_SIGNING=1 (the release workflow) a build for `platform` that would come out
 * unsigned or unnotarized fails up front, naming what is missing.
 */
export function missingSigningEnv(env: BuildEnv, platform: NodeJS.Platform): string[] {
  const has = (...names: string[]): boolean => names.every((name) => Boolean(env[name]))
  if (platform === 'darwin') {
    const missing: string[] = []
    if (!has('CSC_LINK') && !has('CSC_NAME')) missing.push('CSC_LINK (Developer ID certificate)')
    const notarizes =
      has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has('APPLE_KEYCHAIN_PROFILE')
    if (!notarizes) missing.push('APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER')
    return missing
  }
  if (platform === 'win32') {
    const signs = has('WIN_CSC_LINK') || has('CSC_LINK') || azureSigning(env) !== null
    return signs ? [] : ['WIN_CSC_LINK or MOIM_AZURE_SIGN_ENDPOINT/ACCOUNT/PROFILE']
  }
  return []
}

export function createBuilderConfig(
  env: BuildEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Configuration {
  const requireSigning = env.MOIM_REQUIRE_SIGNING === '1'
  if (requireSigning) {
    const missing = missingSigningEnv(env, platform)
    if (missing.length > 0) {
      throw new Error(`MOIM_REQUIRE_SIGNING=1 but signing is not configured: ${missing.join(', ')}`)
    }
  }
  const azureSignOptions = azureSigning(env)
  const publisherName = env.MOIM_WIN_PUBLISHER
  return {
    appId: 'app.moim.desktop',
    productName: 'Moim',
    copyright: 'Copyright © 2026 Moim contributors',
    directories: { output: 'release/${version}', buildResources: 'build' },

    // Only the built app: sources, tests, configs and docs never ship.
    files: [
      'out/**/*',
      'build/icon.png',
      'package.json',
      '!**/*.map',
      '!**/*.{ts,tsx,md}',
      '!**/{test,tests,__tests__,e2e,bench,docs}/**',
      '!**/*.test.*',
    ],
    asar: true,
    // Fuses (RunAsNode off, asar integrity on, ...) are flipped here, before signing.
    afterPack: 'build/afterPack.mjs',

    protocols: [{ name: 'Moim invite link', schemes: ['moim'] }],

    // No feed: no app-update.yml, and the installed app never checks for updates.
    publish: updateFeed(env),

    mac: {
      // The zip is what electron-updater installs on macOS; the dmg is for first installs.
      target: ['dmg', 'zip'],
      category: 'public.app-category.social-networking',
      icon: 'build/icon.png',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // Signed with CSC_LINK/CSC_KEY_PASSWORD when set (else unsigned), notarized when the
      // APPLE_* variables are set (electron-builder reads them).
      forceCodeSigning: requireSigning,
      extendInfo: {
        NSCameraUsageDescription: 'Moim uses your camera so friends in the call can see you.',
        NSMicrophoneUsageDescription:
          'Moim uses your microphone so friends in the call can hear you.',
        NSAudioCaptureUsageDescription:
          'Moim captures system audio only when you choose to share it with your screen.',
        NSScreenCaptureUsageDescription:
          'Moim records your screen only while you share it in a call.',
      },
    },
    dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },

    win: {
      target: ['nsis'],
      icon: 'build/icon.ico',
      // Signed with WIN_CSC_LINK/WIN_CSC_KEY_PASSWORD, or Azure Trusted Signing, when set.
      forceCodeSigning: requireSigning,
      ...(azureSignOptions
        ? { azureSignOptions }
        : publisherName
          ? { signtoolOptions: { publisherName } }
          : {}),
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      artifactName: '${productName}-Setup-${version}.${ext}',
    },

    linux: {
      target: ['AppImage', 'deb'],
      icon: 'build/icons',
      category: 'Network',
      synopsis: 'Video calls for small groups of friends',
      maintainer: 'Moim <hello@moim.app>',
      mimeTypes: ['x-scheme-handler/moim'],
      desktop: { entry: { MimeType: 'x-scheme-handler/moim;' } },
    },
    appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
    deb: { artifactName: '${name}_${version}_${arch}.${ext}' },

    npmRebuild: false,
  }
}

export default createBuilderConfig()
