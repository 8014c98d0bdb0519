/**
 * `npm run bench` runs every benchmark group; `npm run bench -- NAME [NAME...]` runs those groups.
 * A group is a module test/bench/NAME.ts exporting `run(report)`. Each figure is printed on stdout
 * as one JSON line {"name","value","unit","target"}; stderr gets a verdict per figure and the change
 * against the previous run on this machine (kept in .bench/last.json, not committed).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type BenchRow } from './target';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'target.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .sort();

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  console.error(
    `Grup benchmark tidak dikenal / unknown benchmark group: ${unknown.join(', ')}. Ada / available: ${available.join(', ')}`,
  );
  process.exit(2);
}
const groups = asked.length > 0 ? asked : available;

const lastFile = join(process.cwd(), '.bench', 'last.json');
const last: Record<string, number> = existsSync(lastFile) ? JSON.parse(readFileSync(lastFile, 'utf8')) : {};
const now: Record<string, number> = { ...last };
let missed = 0;

for (const group of groups) {
  const mod = (await import(pathToFileURL(join(here, `${group}.ts`)).href)) as {
    run: (report: (row: BenchRow) => void) => Promise<void>;
  };
  console.error(`# ${group}`);
  await mod.run((row) => {
    const name = row.name.startsWith(`${group}.`) ? row.name : `${group}.${row.name}`;
    const out: BenchRow = { name, value: Number(row.value.toFixed(3)), unit: row.unit, target: row.target };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    const ok = meetsTarget(out.value, out.target);
    if (ok === false) missed += 1;
    const before = last[name];
    const delta =
      before === undefined || before === 0
        ? ''
        : ` (${(((out.value - before) / before) * 100).toFixed(1)}% vs last ${before})`;
    console.error(
      `  ${ok === null ? '·' : ok ? 'ok  ' : 'MISS'} ${name} = ${out.value} ${out.unit} target ${out.target || '-'}${delta}`,
    );
    now[name] = out.value;
  });
}

mkdirSync(dirname(lastFile), { recursive: true });
writeFileSync(lastFile, JSON.stringify(now, null, 2));
console.error(
  missed === 0
    ? 'Semua target tercapai / all targets met'
    : `${missed} target tidak tercapai / targets missed`,
);
process.exit(missed === 0 ? 0 : 1);
