import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

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
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});
