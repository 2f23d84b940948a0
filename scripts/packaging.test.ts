/**
 * What `npm run dist` packages: the electron-builder configuration as electron-builder itself
 * loads and validates it (fuses hook, moim:// scheme, update feed, signing from the
 * environment), and the renderer build settings of electron.vite.config.ts.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
// electron-builder's own loader and schema validation (app-builder-lib is its engine).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import { MOIM_FUSES } from '../build/afterPack.mjs'
import electronViteConfig from '../electron.vite.config'
import { createBuilderConfig, missingSigningEnv, updateFeed } from '../electron-builder.config'

const root = resolve(import.meta.dirname, '..')

describe('electron-builder configuration', () => {
  // Compiling electron-builder's JSON schema takes seconds on a busy 2-core machine.
  it(
    'is what electron-builder loads from --config, and passes its schema',
    { timeout: 90_000 },
    async () => {
      const config = await getConfig(root, 'electron-builder.config.ts', null)
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
      expect(config.appId).toBe('app.moim.desktop')
    },
  )

  it('flips the fuses after packing: afterPack is build/afterPack.mjs', () => {
    const config = createBuilderConfig({}, 'linux')
    expect(config.afterPack).toBe('build/afterPack.mjs')
    expect(existsSync(resolve(root, config.afterPack as string))).toBe(true)
    expect(config.asar).toBe(true)
    expect(MOIM_FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    })
  })

  it('registers the moim:// scheme on every OS', () => {
    const config = createBuilderConfig({}, 'linux')
    expect(config.protocols).toEqual([{ name: 'Moim invite link', schemes: ['moim'] }])
    expect(config.linux?.mimeTypes).toContain('x-scheme-handler/moim')
    expect(config.linux?.desktop).toEqual({ entry: { MimeType: 'x-scheme-handler/moim;' } })
  })

  it('builds a zip next to the dmg, which is what updates macOS', () => {
    expect(createBuilderConfig({}, 'darwin').mac?.target).toEqual(['dmg', 'zip'])
  })

  it('local builds: no feed, no signing required, nothing secret in the config', () => {
    const config = createBuilderConfig({}, 'win32')
    expect(config.publish).toBeNull()
    expect(config.mac?.forceCodeSigning).toBe(false)
    expect(config.win?.forceCodeSigning).toBe(false)
    expect(config.win?.azureSignOptions).toBeUndefined()
    expect(JSON.stringify(config)).not.toMatch(/password|secret|token/i)
  })
})

describe('update feed from the environment', () => {
  it('GitHub releases of the repository the workflow runs in, or a named one', () => {
    expect(updateFeed({ MOIM_UPDATE_PROVIDER: 'github', GITHUB_REPOSITORY: 'moim/moim' })).toEqual({
      provider: 'github',
      owner: 'moim',
      repo: 'moim',
    })
    expect(
      updateFeed({
        MOIM_UPDATE_PROVIDER: 'github',
        MOIM_UPDATE_GITHUB_REPO: 'friends/moim-builds',
        GITHUB_REPOSITORY: 'moim/moim',
      }),
    ).toEqual({ provider: 'github', owner: 'friends', repo: 'moim-builds' })
  })

  it('a generic https URL', () => {
    expect(
      updateFeed({ MOIM_UPDATE_PROVIDER: 'generic', MOIM_UPDATE_URL: 'https://dl.moim.app/desk' }),
    ).toEqual({ provider: 'generic', url: 'https://dl.moim.app/desk' })
    expect(
      createBuilderConfig(
        { MOIM_UPDATE_PROVIDER: 'generic', MOIM_UPDATE_URL: 'https://dl.moim.app/desk' },
        'linux',
      ).publish,
    ).toEqual({ provider: 'generic', url: 'https://dl.moim.app/desk' })
  })

  it('refuses a feed it cannot trust or use', () => {
    expect(() =>
      updateFeed({ MOIM_UPDATE_PROVIDER: 'generic', MOIM_UPDATE_URL: 'http://dl.moim.app' }),
    ).toThrow(/https only/)
    expect(() => updateFeed({ MOIM_UPDATE_PROVIDER: 'github' })).toThrow(/owner\/name/)
    expect(() => updateFeed({ MOIM_UPDATE_PROVIDER: 's3' })).toThrow(/github or generic/)
  })
})

describe('signing from the environment', () => {
  it('a release build (MOIM_REQUIRE_SIGNING=1) fails early when signing is not configured', () => {
    expect(() => createBuilderConfig({ MOIM_REQUIRE_SIGNING: '1' }, 'darwin')).toThrow(
      /CSC_LINK.*APPLE_API_KEY/,
    )
    expect(() => createBuilderConfig({ MOIM_REQUIRE_SIGNING: '1' }, 'win32')).toThrow(
      /WIN_CSC_LINK/,
    )
    // Linux packages are not code-signed; updates are checked against the feed's sha512.
    expect(createBuilderConfig({ MOIM_REQUIRE_SIGNING: '1' }, 'linux').mac?.forceCodeSigning).toBe(
      true,
    )
  })

  it('accepts any of the notarization credentials electron-builder knows', () => {
    const cert = { CSC_LINK: 'cert.p12' }
    expect(
      missingSigningEnv(
        { ...cert, APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' },
        'darwin',
      ),
    ).toEqual([])
    expect(
      missingSigningEnv(
        { ...cert, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' },
        'darwin',
      ),
    ).toEqual([])
    expect(missingSigningEnv({ ...cert, APPLE_ID: 'a@b.c' }, 'darwin')).toHaveLength(1)
  })

  it('Windows: a certificate file or Azure Trusted Signing', () => {
    expect(missingSigningEnv({ WIN_CSC_LINK: 'cert.pfx' }, 'win32')).toEqual([])
    const azure = {
      MOIM_AZURE_SIGN_ENDPOINT: 'https://weu.codesigning.azure.net',
      MOIM_AZURE_SIGN_ACCOUNT: 'moim',
      MOIM_AZURE_SIGN_PROFILE: 'public',
      MOIM_WIN_PUBLISHER: 'Moim Contributors',
    }
    expect(missingSigningEnv(azure, 'win32')).toEqual([])
    expect(createBuilderConfig(azure, 'win32').win?.azureSignOptions).toEqual({
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'moim',
      certificateProfileName: 'public',
      publisherName: 'Moim Contributors',
    })
  })
})

describe('packaged renderer', () => {
  it('is minified for production like the web client', () => {
    const renderer = (electronViteConfig as { renderer?: { build?: Record<string, unknown> } })
      .renderer
    expect(renderer?.build?.minify).toBe(true)
    expect(renderer?.build?.cssMinify).toBe(true)
    expect(renderer?.build?.sourcemap).toBe(false)
  })
})
