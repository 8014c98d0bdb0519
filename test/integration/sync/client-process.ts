/**
 * A desktop (the services, no Electron) in its own process, so a test can kill it at a chosen
 * moment and start it again on the same data folder.
 *
 *   tsx client-process.ts '<json>'   with {dataDir, serverUrl, username, password, steps: Step[]}
 *
 * Each step prints one JSON line {"done": step, ...}; the process then waits (step "hang") or exits.
 */
import { DesktopServices } from '../../../main/services/desktop';

type Step =
  | { do: 'login'; mode?: 'auto' | 'online' | 'offline' }
  | { do: 'pull' }
  | { do: 'accept'; orderId: string; sampleId: string }
  | { do: 'saveResults'; orderId: string; sampleId: string; analysisIds: string[]; value: string }
  | { do: 'sync' }
  | { do: 'drain'; timeoutMs?: number }
  | { do: 'status' }
  | { do: 'hang' };

interface Args {
  dataDir: string;
  serverUrl: string;
  username: string;
  password: string;
  steps: Step[];
}

const args = JSON.parse(process.argv[2]!) as Args;
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

const core = new DesktopServices({
  dataDir: args.dataDir,
  serverUrl: args.serverUrl,
  scrypt: { N: 1 << 10, r: 8, p: 1 },
  autoSync: false,
  http: { timeoutMs: 5000 },
  sync: { backoffBaseMs: 50, backoffMaxMs: 500, debounceMs: 5 },
});

for (const step of args.steps) {
  switch (step.do) {
    case 'login':
      await core.login(args.username, args.password, step.mode ?? 'auto');
      say({ done: 'login', mode: core.session!.mode });
      break;
    case 'pull':
      await core.diagnostics.sync.pullNow();
      say({ done: 'pull', orders: core.diagnostics.store.orderCount() });
      break;
    case 'accept': {
      const r = core.acceptSample(step.orderId, step.sampleId, 'Segel utuh');
      say({ done: 'accept', commandId: r.command.id });
      break;
    }
    case 'saveResults': {
      const ids = step.analysisIds.map(
        (a) => core.saveResult(step.orderId, step.sampleId, a, { value: step.value }).command.id,
      );
      say({ done: 'saveResults', commandIds: ids });
      break;
    }
    case 'sync':
      say({ done: 'sync', report: await core.syncNow() });
      break;
    case 'drain': {
      core.diagnostics.sync.start();
      const until = Date.now() + (step.timeoutMs ?? 30_000);
      while (core.status().pending > 0 || core.status().syncing) {
        if (Date.now() > until) throw new Error(`not drained: ${JSON.stringify(core.status())}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      core.diagnostics.sync.stop();
      say({ done: 'drain', status: core.status() });
      break;
    }
    case 'status':
      say({
        done: 'status',
        status: core.status(),
        commands: core.diagnostics.store.commands().map((c) => ({ id: c.id, seq: c.seq, status: c.status })),
      });
      break;
    case 'hang':
      say({ done: 'hang' });
      await new Promise(() => {});
  }
}
core.close();
process.exit(0);
