/**
 * Import cycles (issue 13): a value import cycle fails `npm run lint`. Type-only imports are left
 * out (tsPreCompilationDeps: false): they vanish at compile time and cannot change what loads first.
 * The folder rules of DESIGN.md stay in eslint.config.js.
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|out|test-results|\\.tmp)/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
