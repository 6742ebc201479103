// Lint: typescript-eslint's recommended rules, React hooks, and the layer rules of ARCHITECTURE.md as import boundaries.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Imports a layer must not make, as no-restricted-imports patterns with the reason shown. */
const forbid = (groups, message) => ({ group: groups, message })

const TEST_SUPPORT = forbid(['@/testing', '@/testing/*', '**/testing/*', '@/test-fixtures', '**/test-fixtures', '**/*.fixtures'], 'Test support is for tests only (src/testing, *.fixtures.ts).')
const DESKTOP = forbid(['electron', 'electron/*', '**/electron/*', '**/electron/**'], 'Reach the desktop through src/platform only.')

const DOMAIN_BOUNDARY = [
  forbid(['react', 'react-dom', 'react/*', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*', 'recharts', 'dexie', 'dexie-react-hooks'], 'Domain code is pure TypeScript: no UI, no database.'),
  forbid(['@/db', '@/db/*', '**/db/*', '@/features/*', '**/features/*', '@/app/*', '**/app/*', '@/components/*', '**/components/*', '@/platform', '@/platform/*', '**/platform/*', '@/i18n', '@/i18n/*', '**/i18n/*'], 'Domain code imports only domain code: it returns message keys, and the layers above translate and store.'),
  DESKTOP,
  TEST_SUPPORT
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-web/**', 'node_modules/**', 'e2e/.artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' }
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: DOMAIN_BOUNDARY }] }
  },
  {
    // Shared UI pieces take data and callbacks: no store, no desktop.
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [forbid(['@/db', '@/db/*', '**/db/*', '@/features/*', '**/features/*'], 'Components take data and callbacks; the store is reached by features.'), DESKTOP, TEST_SUPPORT] }] }
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/db/**/*.ts', 'src/i18n/**/*.ts'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DESKTOP, TEST_SUPPORT] }] }
  },
  {
    // The platform layer is where the desktop is reached: its contract types only.
    files: ['src/platform/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The renderer talks to Electron through the preload bridge only.' }], patterns: [TEST_SUPPORT] }] }
  }
)
