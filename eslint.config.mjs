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
  {
    files: ['src/renderer/src/rtc/**/*.ts', 'src/renderer/src/signaling/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReactInRtc],
          patterns: ['**/store/*', '**/features/*', '**/session/*'],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
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
            { group: ['../*', '!./*'], message: 'src/shared imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
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
