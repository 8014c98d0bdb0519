/** How the tests and benchmarks start the real server command line as a child process. */

/** Node's arguments for `server/cli.ts` through tsx: `--flag value` for each option, then `extra`. */
export function serverCliArgs(options: Record<string, string>, extra: readonly string[] = []): string[] {
  return [
    '--import',
    'tsx',
    'server/cli.ts',
    ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]),
    ...extra,
  ];
}
