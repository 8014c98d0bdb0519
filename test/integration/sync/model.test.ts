/**
 * Model-based property test of sync (fast-check): three desktops (Penyelia, Analis, MT) work on the
 * same orders offline and online against the real server process, while people online (the same
 * Penyelia and MT in a browser, a second analyst, CS re-registering rejected samples) change and
 * reassign the work, and faults are injected at random between each desktop and the server
 * (answers lost after commit, delayed past the timeout, duplicated, requests held and delivered
 * late, 503s, connections refused, going offline).
 *
 * After every run, with traffic stopped and every queue drained (rejections seen by the user and
 * dismissed): every desktop's copy equals the server's view of its user's bucket; no command was
 * applied twice (the server's audit trail); every command the user issued ended applied (once) or
 * rejected with a reason the user saw; each desktop's commands were applied in its seq order.
 *
 * SYNC_MODEL_RUNS sets the number of runs (default 100).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionRejectedError } from '../../../main/services/actions/local-actions';
import { DesktopServices } from '../../../main/services/desktop';
import type { Order } from '../../../shared/domain/entities';
import { activeAnalyses } from '../../../shared/domain/state';
import { TEST_SCRYPT } from '../../unit/desktop/helpers';
import { Proxy, type ProxyAction } from './harness';
import { realServerForThisFile } from './setup';

const RUNS = Number(process.env.SYNC_MODEL_RUNS ?? 100);

// Each run opens and closes its own desktops and proxies (setup() and teardown() below).
const { dir, server, office } = realServerForThisFile('sippt-model-');

// -------------------------------------------------------------------------------------------------
// Abstract actions on the lab steps, executed by a desktop or over HTTP

type Act =
  | {
      k:
        | 'accept'
        | 'reject'
        | 'validateAssignment'
        | 'returnAssignment'
        | 'verify'
        | 'validateResults'
        | 'returnResults'
        | 'register';
      o: string;
      s: string;
    }
  | { k: 'assign'; o: string; s: string; analysts: { analysisId: string; analystId: string }[] }
  | { k: 'save'; o: string; s: string; a: string; value: string }
  | { k: 'submit'; o: string; s: string; a: string }
  | { k: 'retest'; o: string; s: string; a: string; analystId: string };

const REASON = 'Perlu diperiksa ulang oleh lab';

function ids(username: string) {
  return server.user(username).id;
}

/** What `username` (of `role`) could do on these orders, from the state they see. */
function candidates(
  role: 'penyelia' | 'mt' | 'analis' | 'cs',
  username: string,
  orders: readonly Order[],
  pick: number,
): Act[] {
  const me = ids(username);
  const out: Act[] = [];
  const analysts = [ids('analis.karet1'), ids('analis.karet2')];
  for (const o of orders) {
    for (const s of o.samples) {
      const active = activeAnalyses(s);
      if (role === 'penyelia' && s.penyeliaId === me) {
        if (s.status === 'registered')
          out.push(pick % 5 === 0 ? { k: 'reject', o: o.id, s: s.id } : { k: 'accept', o: o.id, s: s.id });
        if (s.status === 'received')
          out.push({
            k: 'assign',
            o: o.id,
            s: s.id,
            analysts: active.map((a, i) => ({ analysisId: a.id, analystId: analysts[(pick + i) % 2]! })),
          });
        if (s.status === 'in_testing' && active.every((a) => a.status === 'submitted')) {
          const a = active[pick % active.length]!;
          out.push(
            pick % 4 === 0
              ? { k: 'retest', o: o.id, s: s.id, a: a.id, analystId: analysts[pick % 2]! }
              : { k: 'verify', o: o.id, s: s.id },
          );
        }
      }
      if (role === 'mt' && s.mtId === me) {
        if (s.status === 'assigned')
          out.push(
            pick % 4 === 0
              ? { k: 'returnAssignment', o: o.id, s: s.id }
              : { k: 'validateAssignment', o: o.id, s: s.id },
          );
        if (s.status === 'results_verified')
          out.push(
            pick % 3 === 0
              ? { k: 'returnResults', o: o.id, s: s.id }
              : { k: 'validateResults', o: o.id, s: s.id },
          );
      }
      if (role === 'analis' && s.status === 'in_testing') {
        for (const a of active) {
          if (a.analystId !== me) continue;
          if (a.status === 'pending')
            out.push({ k: 'save', o: o.id, s: s.id, a: a.id, value: `0,${pick % 97}` });
          if (a.status === 'draft')
            out.push(
              pick % 3 === 0
                ? { k: 'save', o: o.id, s: s.id, a: a.id, value: `1,${pick % 89}` }
                : { k: 'submit', o: o.id, s: s.id, a: a.id },
            );
        }
      }
      if (role === 'cs' && s.status === 'rejected') out.push({ k: 'register', o: o.id, s: s.id });
    }
  }
  return out;
}

function onDesktop(core: DesktopServices, act: Act): string | null {
  const a = core;
  try {
    switch (act.k) {
      case 'accept':
        return a.acceptSample(act.o, act.s, 'Segel utuh').command.id;
      case 'reject':
        return a.rejectSample(act.o, act.s, REASON).command.id;
      case 'assign':
        return a.assignAnalysts(act.o, act.s, act.analysts).command.id;
      case 'validateAssignment':
        return a.validateAssignment(act.o, act.s).command.id;
      case 'returnAssignment':
        return a.returnAssignment(act.o, act.s, REASON).command.id;
      case 'save':
        return a.saveResult(act.o, act.s, act.a, { value: act.value }).command.id;
      case 'submit':
        return a.submitResults(act.o, act.s, [act.a]).command.id;
      case 'verify':
        return a.verifyResults(act.o, act.s).command.id;
      case 'retest':
        return a.requestRetest(act.o, act.s, [act.a], REASON, act.analystId).command.id;
      case 'validateResults':
        return a.validateResults(act.o, act.s).command.id;
      case 'returnResults':
        return a.returnResults(act.o, act.s, REASON).command.id;
      default:
        return null;
    }
  } catch (e) {
    if (e instanceof ActionRejectedError) return null; // refused locally, nothing queued
    throw e;
  }
}

/** What the office's online screens send for `act`: the method, the path below the sample, the body. */
function officeRequest(act: Act): [method: 'post' | 'put', path: string, body?: unknown] {
  switch (act.k) {
    case 'accept':
      return ['post', 'accept', { condition: 'Segel utuh (daring)' }];
    case 'reject':
      return ['post', 'reject', { reason: REASON }];
    case 'assign':
      return ['post', 'assign', { assignments: act.analysts }];
    case 'validateAssignment':
      return ['post', 'assignment/validate'];
    case 'returnAssignment':
      return ['post', 'assignment/return', { reason: REASON }];
    case 'save':
      return ['put', `analyses/${act.a}/result`, { result: { value: act.value, numeric: null, unit: '%' } }];
    case 'submit':
      return ['post', `analyses/${act.a}/submit`];
    case 'verify':
      return ['post', 'results/verify'];
    case 'retest':
      return ['post', `analyses/${act.a}/retest`, { reason: REASON, analystId: act.analystId }];
    case 'validateResults':
      return ['post', 'results/validate'];
    case 'returnResults':
      return ['post', 'results/return', { reason: REASON }];
    case 'register':
      return [
        'post',
        'register',
        {
          labId: server.user('penyelia.karet').labId,
          penyeliaId: ids('penyelia.karet'),
          mtId: ids('mt.karet'),
        },
      ];
  }
}

async function online(username: string, act: Act): Promise<void> {
  const [method, path, body = {}] = officeRequest(act);
  const r = await office.call(username, method, `/orders/${act.o}/samples/${act.s}/${path}`, body);
  // A 409/422 is a lost race with a desktop: part of the game. A 5xx never is.
  if (r.status >= 500) throw new Error(`${username} ${act.k}: HTTP ${r.status} ${JSON.stringify(r.data)}`);
}

// -------------------------------------------------------------------------------------------------
// The run

interface Desk {
  user: string;
  role: 'penyelia' | 'mt' | 'analis';
  core: DesktopServices;
  proxy: Proxy;
  issued: string[];
  seenRejected: Set<string>;
}

interface World {
  orders: string[];
  desks: Desk[];
}

type Fault = 'drop' | 'delay' | 'late' | 'duplicate' | 'refuse' | '503' | 'hold';
const FAULTS: readonly Fault[] = ['drop', 'delay', 'late', 'duplicate', 'refuse', '503', 'hold'];

function oneShot(proxy: Proxy, fault: Fault): void {
  const action: ProxyAction =
    fault === 'drop'
      ? { kind: 'drop' }
      : fault === 'delay'
        ? { kind: 'delay', ms: 60 }
        : fault === 'late'
          ? { kind: 'delay', ms: 1500 }
          : fault === 'duplicate'
            ? { kind: 'duplicate' }
            : fault === 'refuse'
              ? { kind: 'refuse' }
              : fault === '503'
                ? { kind: 'status', status: 503 }
                : { kind: 'hold-request' };
  let used = false;
  proxy.rule = () => {
    if (used) return { kind: 'pass' };
    used = true;
    return action;
  };
}

const noteRejections = (d: Desk) => {
  for (const r of d.core.rejectedCommands()) d.seenRejected.add(r.id);
};

async function sync(d: Desk): Promise<void> {
  try {
    await d.core.syncNow();
  } catch {
    // offline, fault, timeout: the queue keeps it
  }
  noteRejections(d);
}

type Step =
  | { t: 'act'; desk: number; pick: number }
  | { t: 'sync'; desk: number }
  | { t: 'offline'; desk: number; on: boolean }
  | { t: 'fault'; desk: number; fault: Fault }
  | { t: 'release'; desk: number }
  | { t: 'online'; who: 'penyelia.karet' | 'mt.karet' | 'analis.karet2' | 'cs1'; pick: number }
  | { t: 'redo-or-dismiss'; desk: number; redo: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ t: fc.constant('act' as const), desk: fc.nat(2), pick: fc.nat(1000) }),
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), desk: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('offline' as const), desk: fc.nat(2), on: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      desk: fc.nat(2),
      fault: fc.constantFrom(...FAULTS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('release' as const), desk: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('online' as const),
      who: fc.constantFrom(
        'penyelia.karet' as const,
        'mt.karet' as const,
        'analis.karet2' as const,
        'cs1' as const,
      ),
      pick: fc.nat(1000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('redo-or-dismiss' as const), desk: fc.nat(2), redo: fc.boolean() }),
  },
);

async function runStep(w: World, step: Step): Promise<void> {
  switch (step.t) {
    case 'act': {
      const d = w.desks[step.desk]!;
      const mine = w.orders.map((id) => d.core.order(id)).filter((o): o is Order => o !== null);
      const c = candidates(d.role, d.user, mine, step.pick);
      if (c.length === 0) return;
      const id = onDesktop(d.core, c[step.pick % c.length]!);
      if (id) d.issued.push(id);
      return;
    }
    case 'sync':
      return sync(w.desks[step.desk]!);
    case 'offline':
      w.desks[step.desk]!.proxy.offline = step.on;
      return;
    case 'fault':
      oneShot(w.desks[step.desk]!.proxy, step.fault);
      return;
    case 'release':
      w.desks[step.desk]!.proxy.release();
      return;
    case 'online': {
      const orders = await Promise.all(w.orders.map((id) => office.order(id)));
      const role =
        step.who === 'cs1'
          ? 'cs'
          : step.who === 'mt.karet'
            ? 'mt'
            : step.who === 'analis.karet2'
              ? 'analis'
              : 'penyelia';
      const c = candidates(role, step.who, orders, step.pick);
      if (c.length > 0) await online(step.who, c[step.pick % c.length]!);
      return;
    }
    case 'redo-or-dismiss': {
      const d = w.desks[step.desk]!;
      noteRejections(d);
      const [r] = d.core.rejectedCommands();
      if (!r) return;
      if (step.redo) {
        try {
          const res = d.core.redo(r.id);
          d.issued.push(res.command.id);
        } catch (e) {
          if (!(e instanceof ActionRejectedError)) throw e;
          d.core.dismiss(r.id);
        }
      } else {
        d.core.dismiss(r.id);
      }
      noteRejections(d);
      return;
    }
  }
}

/** Traffic stops: faults off, held requests delivered, every rejection seen and dismissed, queues empty. */
async function drain(w: World): Promise<void> {
  for (const d of w.desks) {
    d.proxy.offline = false;
    d.proxy.rule = () => ({ kind: 'pass' });
    d.proxy.release();
  }
  await new Promise((r) => setTimeout(r, 50));
  for (let round = 0; round < 30; round++) {
    let quiet = true;
    for (const d of w.desks) {
      await sync(d);
      for (const r of d.core.rejectedCommands()) {
        d.seenRejected.add(r.id);
        d.core.dismiss(r.id);
        quiet = false;
      }
      noteRejections(d);
      const s = d.core.status();
      if (s.pending + s.blocked + s.rejected > 0) quiet = false;
    }
    if (quiet) break;
  }
  // Last pulls, now that nobody pushes any more (a slow machine may time one out: try again).
  for (const d of w.desks) {
    for (let attempt = 0; ; attempt++) {
      try {
        await d.core.syncNow();
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
  }
}

async function check(w: World): Promise<void> {
  // Convergence: each copy equals the server's view of the user's bucket.
  for (const d of w.desks) {
    expect(d.core.status()).toMatchObject({ pending: 0, blocked: 0, rejected: 0 });
    const theirs = await office.bucket(d.user);
    expect(d.core.diagnostics.store.allOrders(), `${d.user}'s copy`).toEqual(theirs);
  }
  // Exactly once, nothing lost silently, per-client order.
  const applications = await office.applications(w.orders);
  for (const [id, seqs] of applications)
    expect(seqs.size, `command ${id} applied ${seqs.size} times`).toBe(1);
  for (const d of w.desks) {
    const commands = d.core.diagnostics.store.commands();
    const byId = new Map(commands.map((c) => [c.id, c]));
    for (const id of d.issued) {
      const c = byId.get(id);
      expect(c, `issued command ${id} is in ${d.user}'s outbox`).toBeDefined();
      if (c!.status === 'applied') expect(applications.get(id)?.size, `${c!.type} applied once`).toBe(1);
      else {
        expect(c!.status).toBe('rejected');
        expect(d.seenRejected.has(id), `${c!.type} rejection was shown`).toBe(true);
        expect(applications.has(id)).toBe(false);
      }
    }
    const applied = commands.filter((c) => c.status === 'applied' && applications.has(c.id));
    const positions = applied.map((c) => [...applications.get(c.id)!][0]!);
    expect(positions, `${d.user}'s commands in seq order`).toEqual([...positions].sort((a, b) => a - b));
  }
}

let runNo = 0;

async function setup(): Promise<World> {
  runNo += 1;
  const registered = await office.orderInLab({ params: 2 });
  const testing = await office.orderInTesting({ params: 2 });
  const assigned = await office.orderInLab({ params: 2 });
  const s = assigned.samples[0]!;
  await office.ok('penyelia.karet', 'post', `/orders/${assigned.id}/samples/${s.id}/accept`, {
    condition: 'Segel utuh',
  });
  await office.ok('penyelia.karet', 'post', `/orders/${assigned.id}/samples/${s.id}/assign`, {
    assignments: s.analyses.map((a, i) => ({
      analysisId: a.id,
      analystId: ids(i === 0 ? 'analis.karet1' : 'analis.karet2'),
    })),
  });
  const desks: Desk[] = [];
  for (const [user, role] of [
    ['penyelia.karet', 'penyelia'],
    ['analis.karet1', 'analis'],
    ['mt.karet', 'mt'],
  ] as const) {
    const proxy = await new Proxy(() => server.url).start();
    const core = new DesktopServices({
      dataDir: `${dir}/run-${runNo}`,
      serverUrl: proxy.url,
      scrypt: TEST_SCRYPT,
      autoSync: false,
      http: { timeoutMs: 1200, pullTimeoutMs: 5000 },
      sync: { backoffBaseMs: 20, backoffMaxMs: 100, debounceMs: 1, pullIntervalMs: 60_000 },
    });
    await core.login(user, server.demo!.password);
    await core.syncNow();
    desks.push({ user, role, core, proxy, issued: [], seenRejected: new Set() });
  }
  return { orders: [registered.id, testing.id, assigned.id], desks };
}

async function teardown(w: World): Promise<void> {
  for (const d of w.desks) {
    d.core.close();
    await d.proxy.stop();
  }
}

describe('sync model (fast-check, real server, faults)', () => {
  it(`${RUNS} runs of three desktops and online staff converge, exactly once, nothing lost`, async () => {
    let steps = 0;
    let issued = 0;
    let rejectedSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 45 }), async (plan) => {
        const w = await setup();
        try {
          for (const step of plan) await runStep(w, step);
          await drain(w);
          await check(w);
          steps += plan.length;
          for (const d of w.desks) {
            issued += d.issued.length;
            rejectedSeen += d.seenRejected.size;
          }
        } finally {
          await teardown(w);
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 400_000, markInterruptAsFailure: false },
    );
    console.log(
      `sync model: ${RUNS} runs, ${steps} steps, ${issued} commands issued by desktops, ${rejectedSeen} rejections shown`,
    );
    expect(issued).toBeGreaterThan(RUNS);
  }, 600_000);
});
