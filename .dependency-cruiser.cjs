/**
 * Import cycles (issue 13): a value import cycle fails `npm run lint`. Type-only imports are left
 * out (tsPreCompilationDeps: false): they vanish at compile time and cannot change what loads first.
 * The folder rules of DESIGN.md are in eslint.config.js; node-shared/'s are here too, because
 * they are about a folder's users (which an import pattern in eslint sees only from the importer).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-value-cycle',
      severity: 'error',
      comment:
        'A value import cycle: modules in it may see each other half-initialised. Move the shared part to its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'node-shared-stays-in-node',
      severity: 'error',
      comment:
        'node-shared/ uses Node built-ins: shared/ and renderer/ also run in a browser and must not import it.',
      from: { path: '^(shared|renderer)/' },
      to: { path: '^node-shared/' },
    },
    {
      name: 'node-shared-imports-shared-only',
      severity: 'error',
      comment: 'node-shared/ is imported by server/ and main/services/: it imports shared/ only, never them.',
      from: { path: '^node-shared/' },
      to: { path: '^(main|server|renderer)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|out|test-results|\\.tmp)/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
