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

describe('import rules (npm run lint)', () => {
  it.each([
    [
      'shared/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /no Node built-ins/,
    ],
    ['shared/planted.ts', "import fs from 'fs';\nexport const x = fs;\n", /no Node built-ins/],
    ['shared/planted.ts', "import { x } from '../server/db';\nexport const y = x;\n", /must not import main/],
    ['shared/planted.ts', "import { app } from 'electron';\nexport const y = app;\n", /electron/],
    [
      'renderer/planted.ts',
      "import { x } from '../main/services/localdb';\nexport const y = x;\n",
      /must not import main/,
    ],
    [
      'renderer/planted.ts',
      "import { x } from '../server/http';\nexport const y = x;\n",
      /must not import main/,
    ],
    [
      'main/services/planted.ts',
      "import { app } from 'electron';\nexport const y = app;\n",
      /only main\/shell/,
    ],
    [
      'main/services/planted.ts',
      "import Store from 'electron-store';\nexport const y = Store;\n",
      /only main\/shell/,
    ],
    [
      'server/planted.ts',
      "import { x } from '../main/services/sync';\nexport const y = x;\n",
      /must not import main/,
    ],
    [
      'server/planted.ts',
      "import { x } from '../renderer/app';\nexport const y = x;\n",
      /must not import main/,
    ],
    // node-shared/ holds Node-only code of server/ and main/services/: the browser's code keeps out.
    [
      'shared/elhu/planted.ts',
      "import { loadElhuFonts } from '../../node-shared/elhu-fonts';\nexport const y = loadElhuFonts;\n",
      /node-shared/,
    ],
    [
      'renderer/planted.ts',
      "import { loadElhuFonts } from '../node-shared/elhu-fonts';\nexport const y = loadElhuFonts;\n",
      /node-shared/,
    ],
    [
      'node-shared/planted.ts',
      "import { x } from '../server/db';\nexport const y = x;\n",
      /imports shared\/ only/,
    ],
    [
      'node-shared/planted.ts',
      "import { x } from '../main/services/desktop';\nexport const y = x;\n",
      /imports shared\/ only/,
    ],
    ['node-shared/planted.ts', "import { app } from 'electron';\nexport const y = app;\n", /electron/],
  ])('%s: %s fails lint', async (file, code, message) => {
    const errors = await errorsFor(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['shared/planted.ts', "import { z } from 'zod';\nexport const y = z;\n"],
    [
      'server/planted.ts',
      "import { readFileSync } from 'node:fs';\nimport { decide } from '../shared/domain/decide';\nexport const y = [readFileSync, decide];\n",
    ],
    ['main/shell/planted.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    [
      'server/planted.ts',
      "import { loadElhuFonts } from '../node-shared/elhu-fonts';\nexport const y = loadElhuFonts;\n",
    ],
    [
      'main/services/planted.ts',
      "import { loadElhuFonts } from '../../node-shared/elhu-fonts';\nexport const y = loadElhuFonts;\n",
    ],
    [
      'node-shared/planted.ts',
      "import { readFileSync } from 'node:fs';\nimport { decide } from '../shared/domain/decide';\nexport const y = [readFileSync, decide];\n",
    ],
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
