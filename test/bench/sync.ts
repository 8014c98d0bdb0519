/**
 * Group `sync`: the desktop core against the real server (in its own process, so the figures here
 * are the desktop's, and the peak memory is that of the process holding the services).
 *
 * - initial pull of 5,000 orders with 100,000 analyses into an empty working copy (time, entities/s:
 *   orders + samples + analyses stored per second);
 * - push of 1,000 queued commands until all are applied (push and the pull that confirms them);
 * - opening a worklist of 10,000 orders from the local copy (p95);
 * - saving one result: local decide, commit of the new state and the outbox row (p95);
 * - peak RSS of this process.
 */
import { randomUUID } from 'node:crypto';
import { DesktopServices, type DesktopServicesOptions } from '../../main/services/desktop';
import type { Order } from '../../shared/domain/entities';
import { ServerProcess } from '../integration/sync/harness';
import { cloneWithFreshIds, orderInLab, STAFF } from '../unit/desktop/fixtures';
import { tempDir, TEST_SCRYPT } from '../unit/desktop/helpers';
import { percentile, type BenchRow } from './target';

declare const global: { gc?: () => void };

const ORDERS = 5000;
const WORKLIST_ORDERS = 10_000;

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const tmp = tempDir('sippt-bench-sync-');
  const server = new ServerProcess(`${tmp.dir}/server`, { benchOrders: ORDERS });
  try {
    await server.start();
    /** A desktop of this server keeping its data in `dir`, which syncs only when the bench says so. */
    const desktop = (dir: string, more: Partial<DesktopServicesOptions> = {}) =>
      new DesktopServices({
        dataDir: `${tmp.dir}/${dir}`,
        serverUrl: server.url,
        scrypt: TEST_SCRYPT,
        autoSync: false,
        ...more,
      });
    const core = desktop('pc', {
      http: { timeoutMs: 30_000, pullTimeoutMs: 120_000 },
      sync: { pullLimit: 1000 },
    });
    await core.login('analis.karet1', server.demo!.password);

    // 1. Initial pull into an empty working copy.
    const t0 = performance.now();
    await core.diagnostics.sync.pullNow();
    const pullMs = performance.now() - t0;
    const count = (sql: string) => (core.diagnostics.store.ws.db.prepare(sql).get() as { n: number }).n;
    const pulled = count('SELECT count(*) AS n FROM orders');
    if (pulled !== ORDERS) throw new Error(`pulled ${pulled} orders, expected ${ORDERS}`);
    const samples = count('SELECT count(*) AS n FROM samples');
    const analyses = count('SELECT sum(analyses_total) AS n FROM samples');
    report({ name: 'initial_pull_5000_orders_100k_analyses', value: pullMs, unit: 'ms', target: '< 5000' });
    report({
      name: 'initial_pull_rows_per_s',
      value: ((ORDERS + samples + analyses) / pullMs) * 1000,
      unit: 'rows/s',
      target: '>= 20000',
    });

    // 2. 1,000 queued commands (results on 1,000 different analyses), pushed until all are applied.
    let queued = 0;
    for (const id of core.diagnostics.store.orderIds().slice(0, 60)) {
      const o = core.order(id)!;
      for (const s of o.samples) {
        for (const a of s.analyses) {
          if (queued === 1000) break;
          core.saveResult(o.id, s.id, a.id, { value: `0,${queued % 100}` });
          queued += 1;
        }
      }
      if (queued === 1000) break;
    }
    const t1 = performance.now();
    await core.syncNow();
    const pushMs = performance.now() - t1;
    const st = core.status();
    const applied = core.diagnostics.store.commands(['applied']).length;
    if (st.pending !== 0 || applied !== 1000)
      throw new Error(`push: ${applied} applied, status ${JSON.stringify(st)}`);
    report({ name: 'push_1000_commands_until_applied', value: pushMs, unit: 'ms', target: '< 2000' });
    core.close();

    // 3 and 4. A working copy of 10,000 orders (written as a pull would), then the worklist and saving results.
    const big = desktop('pc-big');
    await big.login('analis.karet1', server.demo!.password);
    const analyst = server.user('analis.karet1');
    const template = orderInLab({
      samples: 1,
      analyses: 10,
      stage: 'in_testing',
      labId: analyst.labId!,
      penyeliaId: server.user('penyelia.karet').id,
      mtId: server.user('mt.karet').id,
      analystIds: [analyst.id],
      customerId: STAFF.cs.id,
    });
    const targets: { o: string; s: string; a: string[] }[] = [];
    for (let start = 0; start < WORKLIST_ORDERS; start += 1000) {
      const chunk: Order[] = [];
      for (let i = start; i < start + 1000; i++) chunk.push(cloneWithFreshIds(template, i));
      big.diagnostics.store.applyPull(
        chunk.map((o) => big.diagnostics.store.preparePut(o)),
        { cursor: String(start), lastProcessedSeq: 0, at: new Date().toISOString(), full: false },
      );
      for (const o of chunk)
        targets.push({ o: o.id, s: o.samples[0]!.id, a: o.samples[0]!.analyses.map((a) => a.id) });
    }
    if (big.diagnostics.store.orderCount() !== WORKLIST_ORDERS) throw new Error('worklist copy not filled');
    big.diagnostics.store.ws.checkpoint('TRUNCATE'); // as the idle housekeeping would have done
    global.gc?.();

    // Opening the worklist screen: its first page and the counts (what the UI shows first).
    const open: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t = performance.now();
      const page = big.worklistPage();
      const dt = performance.now() - t;
      if (page.total !== WORKLIST_ORDERS || page.rows.length !== 200)
        throw new Error(`worklist page: ${page.total} / ${page.rows.length}`);
      if (i >= 20) open.push(dt); // the first calls warm the statement cache and the page cache
    }
    report({
      name: 'open_worklist_10000_orders_p95',
      value: percentile(open, 95),
      unit: 'ms',
      target: '< 20',
    });
    // For comparison: every one of the 10,000 rows at once (no screen needs this).
    const whole: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const rows = big.worklist();
      whole.push(performance.now() - t);
      if (rows.length !== WORKLIST_ORDERS) throw new Error(`worklist has ${rows.length} rows`);
    }
    report({ name: 'worklist_all_10000_rows_p95', value: percentile(whole, 95), unit: 'ms', target: '' });

    const saveTimes = (core: DesktopServices, offset: number): number[] => {
      const times: number[] = [];
      for (let i = 0; i < 520; i++) {
        const t0 = targets[(i * 7919 + offset) % targets.length]!;
        const t = performance.now();
        core.saveResult(t0.o, t0.s, t0.a[i % t0.a.length]!, {
          value: `${i},5`,
          notes: randomUUID().slice(0, 8),
        });
        const dt = performance.now() - t;
        if (i >= 20) times.push(dt);
      }
      return times;
    };
    const save = saveTimes(big, 0);
    report({ name: 'save_result_local_commit_p95', value: percentile(save, 95), unit: 'ms', target: '< 2' });
    report({ name: 'save_result_local_commit_p50', value: percentile(save, 50), unit: 'ms', target: '' });
    big.close();
    // The same with the outbox synced without an fsync per action (crash-safe, not power-cut-safe): where the time goes.
    const nofsync = desktop('pc-big', { outboxSync: 'NORMAL' });
    await nofsync.login('analis.karet1', server.demo!.password, 'offline');
    const fast = saveTimes(nofsync, 1);
    report({
      name: 'save_result_local_commit_without_fsync_p95',
      value: percentile(fast, 95),
      unit: 'ms',
      target: '',
    });
    nofsync.close();

    report({ name: 'peak_rss', value: process.resourceUsage().maxRSS / 1024, unit: 'MiB', target: '' });
  } finally {
    await server.stop();
    tmp.cleanup();
  }
}
