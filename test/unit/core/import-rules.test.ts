import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';

// The import rules of DESIGN.md are enforced by `npm run lint`; here a planted violation in each
// layer must fail it, through the same ESLint configuration the lint script uses.
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A file in a layer whose one import is the one under test (re-exported, so that it is used). */
const importing = (what: string, from: string) =>
  `import ${what} from '${from}';\nexport const planted = ${what.replace(/[{} ]/g, '')};\n`;

/** What server/ and node-shared/ may both import: Node and the shared core. */
const BUILT_IN_AND_SHARED =
  "import { readFileSync } from 'node:fs';\nimport { decide } from '../shared/domain/decide';\nexport const y = [readFileSync, decide];\n";

describe('import rules (npm run lint)', () => {
  it.each([
    ['shared/planted.ts', importing('{ readFileSync }', 'node:fs'), /no Node built-ins/],
    ['shared/planted.ts', importing('fs', 'fs'), /no Node built-ins/],
    ['shared/planted.ts', importing('{ x }', '../server/db'), /must not import main/],
    ['shared/planted.ts', importing('{ app }', 'electron'), /electron/],
    ['renderer/planted.ts', importing('{ x }', '../main/services/localdb'), /must not import main/],
    ['renderer/planted.ts', importing('{ x }', '../server/http'), /must not import main/],
    ['main/services/planted.ts', importing('{ app }', 'electron'), /only main\/shell/],
    ['main/services/planted.ts', importing('Store', 'electron-store'), /only main\/shell/],
    ['server/planted.ts', importing('{ x }', '../main/services/sync'), /must not import main/],
    ['server/planted.ts', importing('{ x }', '../renderer/app'), /must not import main/],
    // node-shared/ holds Node-only code of server/ and main/services/: the browser's code keeps out.
    ['shared/elhu/planted.ts', importing('{ loadElhuFonts }', '../../node-shared/elhu-fonts'), /node-shared/],
    ['renderer/planted.ts', importing('{ loadElhuFonts }', '../node-shared/elhu-fonts'), /node-shared/],
    ['node-shared/planted.ts', importing('{ x }', '../server/db'), /imports shared\/ only/],
    ['node-shared/planted.ts', importing('{ x }', '../main/services/desktop'), /imports shared\/ only/],
    ['node-shared/planted.ts', importing('{ app }', 'electron'), /electron/],
  ])('%s: %s fails lint', async (file, code, message) => {
    const errors = await errorsFor(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['shared/planted.ts', importing('{ z }', 'zod')],
    ['server/planted.ts', BUILT_IN_AND_SHARED],
    ['main/shell/planted.ts', importing('{ app }', 'electron')],
    ['server/planted.ts', importing('{ loadElhuFonts }', '../node-shared/elhu-fonts')],
    ['main/services/planted.ts', importing('{ loadElhuFonts }', '../../node-shared/elhu-fonts')],
    ['node-shared/planted.ts', BUILT_IN_AND_SHARED],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});

// node-shared/'s users are checked by dependency-cruiser (the lint's second half): a throwaway tree
// with each planted import, cruised with the repository's rules.
describe('node-shared rules (npm run lint, dependency-cruiser)', () => {
  const config = createRequire(import.meta.url)(join(process.cwd(), '.dependency-cruiser.cjs')) as {
    forbidden: IFlattenedRuleSet['forbidden'];
  };

  async function violations(files: Record<string, string>): Promise<string[]> {
    const root = mkdtempSync(join(tmpdir(), 'sippt-depcruise-'));
    try {
      for (const [path, code] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), code);
      }
      const { output } = await cruise(Object.keys(files), {
        baseDir: root,
        validate: true,
        ruleSet: { forbidden: config.forbidden },
        tsPreCompilationDeps: false,
      });
      return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  const fonts = { 'node-shared/elhu-fonts.ts': 'export const loadElhuFonts = 1;\n' };
  const user = (path: string, from: string) => ({
    [path]: `import { loadElhuFonts } from '${from}';\nexport const y = loadElhuFonts;\n`,
  });

  it.each([
    ['shared/elhu/x.ts', '../../node-shared/elhu-fonts'],
    ['renderer/x.ts', '../node-shared/elhu-fonts'],
  ])('%s importing node-shared/ fails', async (path, from) => {
    expect(await violations({ ...fonts, ...user(path, from) })).toEqual([
      `node-shared-stays-in-node: ${path} -> node-shared/elhu-fonts.ts`,
    ]);
  });

  it('node-shared/ importing server/ fails', async () => {
    expect(
      await violations({
        'node-shared/x.ts': "import { a } from '../server/a';\nexport const b = a;\n",
        'server/a.ts': 'export const a = 1;\n',
      }),
    ).toEqual(['node-shared-imports-shared-only: node-shared/x.ts -> server/a.ts']);
  });

  it.each([
    ['server/elhu/x.ts', '../../node-shared/elhu-fonts'],
    ['main/services/x.ts', '../../node-shared/elhu-fonts'],
  ])('%s may import node-shared/', async (path, from) => {
    expect(await violations({ ...fonts, ...user(path, from) })).toEqual([]);
  });
});
