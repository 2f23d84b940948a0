import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectron = {
  name: 'electron',
  message: 'The renderer runs in a browser too: use window.moim.',
}
const noReactInRtc = [
  { name: 'react', message: 'rtc/ and signaling/ are framework-free.' },
  { name: 'zustand', message: 'rtc/ and signaling/ are framework-free; session/ writes stores.' },
]

/** The shared stores under store/ (the session writes them; features only read). */
const SHARED_STORES = '/^(call|speaking|chat|files|transfer|whiteboard|game|quality)\\w*Store$/'

/** An import of one of these renderer folders, from wherever the importing file sits. */
function layerImport(folders) {
  return {
    group: folders.flatMap((folder) => [`**/${folder}/*`, `**/${folder}`]),
    message: `This layer may not import ${folders.join(', ')} (see docs/architecture.md).`,
  }
}

/**
 * A layer without React or zustand that may not import these renderer folders. Its tests may
 * borrow any layer's fakes.
 */
function frameworkFree(files, folders) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noReactInRtc], patterns: [layerImport(folders)] },
      ],
    },
  }
}

/** src/shared is pure TypeScript and imports nothing outside itself (`outside`: how to leave). */
function sharedFiles(files, outside) {
  return {
    files,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'zustand'],
              message: 'src/shared is pure TypeScript.',
            },
            { group: [outside], message: 'src/shared imports nothing outside itself.' },
          ],
        },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      '**/dist/**',
      'release/**',
      'node_modules/**',
      'e2e/artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  // Feature engines (chat, later files and the whiteboard): plain TypeScript over the router.
  frameworkFree(['src/renderer/src/engines/**/*.ts'], ['store', 'features', 'session', 'i18n']),
  frameworkFree(['src/renderer/src/rtc/**/*.ts'], ['store', 'features', 'session', 'i18n']),
  frameworkFree(
    ['src/renderer/src/signaling/**/*.ts'],
    ['store', 'features', 'session', 'rtc', 'media', 'i18n'],
  ),
  // Plain helpers and the media layer: below the store, the session and the UI.
  frameworkFree(
    ['src/renderer/src/lib/**/*.ts', 'src/renderer/src/media/**/*.ts'],
    ['store', 'features', 'session', 'rtc', 'signaling', 'i18n'],
  ),
  {
    files: ['src/renderer/src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [layerImport(['features', 'session', 'rtc'])] },
      ],
    },
  },
  {
    // The session is the only writer of the shared stores; features read them and call the session.
    files: ['src/renderer/src/features/**/*.{ts,tsx}', 'src/renderer/src/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name='setState'][callee.object.name=${SHARED_STORES}]`,
          message: 'Only session/ writes the shared stores: call a session method instead.',
        },
        {
          selector: `CallExpression[callee.property.name='setState'][callee.object.callee.property.name='getState']`,
          message: 'Only session/ writes the shared stores: call a session method instead.',
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/*', '**/renderer/*'],
              message:
                'The preload shares only src/shared with the main process (see src/shared/ipc.ts).',
            },
          ],
        },
      ],
    },
  },
  sharedFiles(['src/shared/*.ts'], '../*'),
  sharedFiles(['src/shared/*/*.ts'], '../../*'),
  {
    files: ['signaling-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'react', 'zustand'],
          patterns: [
            {
              group: ['**/src/renderer/**', '**/src/main/**'],
              message: 'The server imports src/shared only.',
            },
          ],
        },
      ],
    },
  },
)
