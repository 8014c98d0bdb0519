/**
 * The native (node-gyp) modules the desktop engine loads, in one list for the places that must
 * treat them alike: the esbuild externals (scripts/bundle-externals.ts), the Electron rebuild for development
 * (scripts/electron-native.ts) and the packing test (electron-builder packs and rebuilds them as
 * production dependencies; test/unit/release/packing.test.ts checks none is cut).
 */
export interface NativeModule {
  /** The npm package. */
  package: string;
  /** The addon the package builds, relative to the package folder. */
  addon: string;
  /**
   * What `npm run electron:native` leaves in build/electron-native/ for the engine in development:
   * 'binding' the .node file alone (the package takes a path to it), 'package' a built copy of the
   * whole package (it requires its addon by a fixed relative path).
   */
  kind: 'binding' | 'package';
  output: string;
  /** The variable the Electron shell sets for the engine (utility process) in development. */
  env: string;
}

export const NATIVE_MODULES: readonly NativeModule[] = [
  {
    package: 'better-sqlite3',
    addon: 'build/Release/better_sqlite3.node',
    kind: 'binding',
    output: 'better_sqlite3.node',
    env: 'SIPPT_SQLITE_BINDING',
  },
  // Signing on a PKCS#11 token (main/services/signing/token.ts), loaded only when a token is used.
  {
    package: 'pkcs11js',
    addon: 'build/Release/pkcs11.node',
    kind: 'package',
    output: 'pkcs11js',
    env: 'SIPPT_PKCS11JS_DIR',
  },
];
