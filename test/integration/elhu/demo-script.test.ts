import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, requireTools, run } from '../../unit/elhu/helpers';

describe('npm run elhu:demo -- --out DIR', () => {
  it('writes a demo E-LHU, unsigned and signed with the demo keystore, that pdfsig finds valid', () => {
    requireTools('pdfsig', 'qpdf');
    const out = mkdtempSync(join(tmpdir(), 'elhu-demo-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/elhu-demo.ts', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/server check: accepted/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['LHU-PLG-2025-03-0001-signed.pdf', 'LHU-PLG-2025-03-0001-unsigned.pdf']);
    const sig = run('pdfsig', [join(out, files[0]!)]).stdout;
    expect(sig).toMatch(/Signature Validation: Signature is Valid\./);
    expect(sig).toMatch(/Total document signed/);
    expect(run('pdfsig', [join(out, files[1]!)]).stdout).toMatch(/does not contain any signatures/);
    for (const f of files) expect(run('qpdf', ['--check', join(out, f)]).status).toBe(0);
  });
});
