// typescript-eslint's recommended rules over every source (server, client, tests, bench, scripts).
// Formatting is Prettier's job (.prettierrc.json), so there are no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = {
  process: 'readonly',
  console: 'readonly',
  require: 'readonly',
  module: 'writable',
  __dirname: 'readonly',
  Buffer: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.bench/**', '.scratch/**', 'schemas/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests match exact indentation (`/   options:\n      json:/`): the spaces are the point.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Plain JavaScript run by Node directly (the build script, the tests' network guard).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test harnesses handle untyped JSON-RPC payloads and playwright objects (its types are not installed).
    files: ['test/**', 'scripts/editor/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
