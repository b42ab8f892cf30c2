import js from '@eslint/js'
import * as figmaPlugin from '@figma/eslint-plugin-figma-plugins'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  { ignores: ['dist/', 'dist-preview/', 'node_modules/', 'test-results/', 'bench/results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Preact's hooks follow React's rules: called in the same order, effects listing what they read.
    files: ['ui/**/*.tsx', 'ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Figma's own rules (deprecated and sync APIs under dynamic-page access) need type information.
    files: ['plugin/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './plugin/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@figma/figma-plugins': figmaPlugin },
    rules: { ...figmaPlugin.flatConfigs.recommended.rules },
  },
  {
    // The dependency-cruiser config is CommonJS, as that tool reads it.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
