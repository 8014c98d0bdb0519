// Import rules of DESIGN.md, enforced here rather than by review:
//   shared/        <- everything; imports no Node built-in, no electron, nothing from main/, renderer/, server/
//   main/services/ <- plain Node; never imports electron (only main/shell does)
//   renderer/      never imports main/ or server/
//   server/        never imports main/ or renderer/
//   node-shared/   Node-only code of server/ and main/services/ (the E-LHU fonts, the log's secret list); imports shared/ only,
//                  and neither shared/ nor renderer/ may import it
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Node's own globals, refused where the code also runs in a browser.
const nodeOnlyGlobals = (where) =>
  [
    'Buffer',
    'process',
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'global',
    'setImmediate',
    'clearImmediate',
  ].map((name) => ({
    name,
    message: `${where}: ${name} is Node's (use Uint8Array, TextEncoder, globalThis or pass the value in).`,
  }));
const banned = (patterns, message) => patterns.map((group) => ({ group: [group], message }));
// The rules of a folder whose code also runs in a browser page: none of Node's globals or built-ins,
// no electron, and none of the folders it must not reach.
const browserSafe = ({ where, builtins, electron, folders }) => ({
  'no-restricted-globals': ['error', ...nodeOnlyGlobals(where)],
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message: builtins })),
      patterns: [...banned(['electron', 'electron/*'], electron), ...banned(folders.names, folders.message)],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Each folder sees only the globals of where it runs (below); these are the plain-JS config files.
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    // TypeScript resolves globals itself (no-undef is off for .ts), so Node's are named here.
    rules: browserSafe({
      where: 'shared/ runs in the browser and in Node alike',
      builtins: 'shared/ is pure TypeScript: no Node built-ins (DESIGN.md, import rules).',
      electron: 'shared/ must not import electron.',
      folders: {
        names: [
          '**/main/**',
          '**/renderer/**',
          '**/server/**',
          '**/node-shared/**',
          '../main/*',
          '../renderer/*',
          '../server/*',
          '../node-shared/*',
        ],
        message: 'shared/ must not import main/, renderer/, server/ or node-shared/.',
      },
    }),
  },
  {
    // main/host/ runs the same engine outside Electron (the utility process, the browser host).
    files: ['main/services/**/*.ts', 'main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(
              ['electron', 'electron/*', 'electron-store', 'electron-updater'],
              'main/services/ is plain Node: only main/shell/ may import electron.',
            ),
            ...banned(
              ['**/renderer/**', '**/server/**', '**/main/shell/**'],
              'main/services/ may import shared/ and node-shared/ only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    // The build configuration runs in Node, not in the page.
    ignores: ['renderer/vite.config.ts', 'renderer/vite.portal.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: browserSafe({
      where: 'renderer/ runs in a browser page',
      builtins: 'renderer/ runs in a browser: no Node built-ins.',
      electron: 'renderer/ reaches main only through the typed bridge.',
      folders: {
        names: ['**/main/**', '**/server/**', '**/node-shared/**'],
        message: 'renderer/ must not import main/, server/ or node-shared/.',
      },
    }),
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(['electron', 'electron/*'], 'server/ must not import electron.'),
            ...banned(['**/main/**', '**/renderer/**'], 'server/ must not import main/ or renderer/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['node-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(['electron', 'electron/*'], 'node-shared/ must not import electron.'),
            ...banned(
              ['**/main/**', '**/renderer/**', '**/server/**'],
              'node-shared/ is imported by server/ and main/: it imports shared/ only.',
            ),
          ],
        },
      ],
    },
  },
);
