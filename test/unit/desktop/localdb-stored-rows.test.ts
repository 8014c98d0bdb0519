/**
 * JSON read back from the local files (main/services/localdb/store/stored-json.ts): a row that does
 * not read says which order or command and which field, and one unreadable order never stops a
 * start nor costs the outbox a command: it is dropped from the working copy for the next full
 * pull to bring back, and its pending command is decided on top of it again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../../main/services/localdb/migrate';
import { WORK_MIGRATIONS } from '../../../main/services/localdb/migrations/work';
import { WORKING_FILE } from '../../../main/services/localdb/paths';
import { openSqlite } from '../../../main/services/localdb/sqlite';
import { LocalStore, StoredRowError } from '../../../main/services/localdb/store';
import { Workspace } from '../../../main/services/localdb/workspace';
import type { Order } from '../../../shared/domain/entities';
import { actorOf, orderInLab, run, STAFF } from './fixtures';
import { tempDir } from './helpers';

const penyelia = actorOf(STAFF.penyelia);
const AT = '2026-03-02T03:00:00.000Z';

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
let store: LocalStore;

beforeEach(() => {
  tmp = tempDir('sippt-localdb-rows-');
  ws = Workspace.open(tmp.dir);
  store = new LocalStore(ws, penyelia);
});

afterEach(() => {
  ws.close();
  tmp.cleanup();
});

function pull(orders: Order[], full = false): void {
  store.applyPull(
    orders.map((o) => store.preparePut(o)),
    { cursor: `c-${Math.random()}`, lastProcessedSeq: 0, at: AT, full },
  );
}

/** The Penyelia accepts the order's first sample offline: one pending command and a local view. */
function acceptFirstSample(o: Order) {
  const sampleId = o.samples[0]!.id;
  const payload = { sampleId, condition: 'Segel utuh' };
  // The version of the entity the command acts on: the sample's (as baseVersionOf would give).
  const baseVersion = o.samples[0]!.version;
  const next = run(store.order(o.id), 'sample.accept', payload, penyelia, new Date(AT));
  return store.commitLocal(
    {
      type: 'sample.accept',
      aggregateId: o.id,
      payload,
      baseVersion,
      issuedAt: AT,
      summary: 'Terima sampel',
    },
    next,
    AT,
  );
}

function setColumn(
  table: 'orders' | 'ob.outbox' | 'reference',
  column: string,
  value: string,
  where: string,
) {
  const key = table === 'orders' ? 'id' : table === 'ob.outbox' ? 'command_id' : 'kind';
  ws.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`).run(value, where);
}

function caught(fn: () => unknown): StoredRowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoredRowError) return e;
    throw e;
  }
  throw new Error('expected a StoredRowError');
}

describe('a stored order that does not read', () => {
  it('names the order and the column when the JSON is cut short', () => {
    const o = orderInLab();
    pull([o]);
    setColumn('orders', 'base_json', JSON.stringify(o).slice(0, 200), o.id);
    const e = caught(() => store.order(o.id));
    expect(e).toMatchObject({ kind: 'order', key: o.id, column: 'base_json', field: '' });
    expect(e.message).toContain(`pesanan ${o.id} tidak terbaca (kolom base_json)`);
    expect(e.message).toContain(`order ${o.id} cannot be read (column base_json)`);
    expect(caught(() => store.baseOrder(o.id)).key).toBe(o.id);
  });

  it('names the field the shared schema refuses, in the local view the user sees', () => {
    const o = orderInLab();
    pull([o]);
    acceptFirstSample(o);
    const local = store.order(o.id)!;
    expect(local.samples[0]!.status).toBe('received');
    const broken = structuredClone(local) as unknown as { samples: { status: unknown }[] };
    broken.samples[0]!.status = 'lost_in_transit';
    setColumn('orders', 'local_json', JSON.stringify(broken), o.id);
    const e = caught(() => store.order(o.id));
    expect(e).toMatchObject({ kind: 'order', key: o.id, column: 'local_json', field: 'samples.0.status' });
    expect(e.message).toContain('field samples.0.status');
    // The base is still sound: only the row's local view is named.
    expect(store.baseOrder(o.id)!.samples[0]!.status).toBe('registered');
  });

  it('a row holding another order is refused, not shown under the wrong id', () => {
    const [a, b] = [orderInLab(), orderInLab()];
    pull([a, b]);
    setColumn('orders', 'base_json', JSON.stringify(b), a.id);
    expect(caught(() => store.order(a.id))).toMatchObject({ key: a.id, field: 'id' });
    expect(caught(() => store.allOrders())).toMatchObject({ key: a.id, field: 'id' });
  });
});

describe('one unreadable order never stops a start nor loses a command', () => {
  it('recover drops it for the next full pull, which brings it back with the pending command on top', () => {
    const [o, other] = [orderInLab(), orderInLab()];
    pull([o, other]);
    const cmd = acceptFirstSample(o);
    setColumn('orders', 'base_json', '{"id":', o.id);
    ws.close();

    // The next start.
    ws = Workspace.open(tmp.dir);
    store = new LocalStore(ws, penyelia);
    expect(() => store.recover()).not.toThrow();
    expect(store.orderIds()).toEqual([other.id]);
    expect(store.worklist().map((r) => r.order_id)).toEqual([other.id]);
    const st = store.syncState();
    expect(st.cursor).toBeNull();
    expect(st.rebuilt_from).toContain(o.id);
    expect(st.rebuilt_from).toContain('base_json');
    // The command is still queued, and goes out with the next push.
    expect(store.command(cmd.id)!.status).toBe('pending');
    expect(store.sendable(10).map((c) => c.id)).toEqual([cmd.id]);

    // The full pull the cleared cursor asks for brings the order back; the accept shows on top again.
    pull([o, other], true);
    expect(store.order(o.id)!.samples[0]!.status).toBe('received');
    expect(store.baseOrder(o.id)!.samples[0]!.status).toBe('registered');
    expect(store.worklist().find((r) => r.order_id === o.id)!.pending_commands).toBe(1);
    expect(store.syncState().rebuilt_from).toBeNull();
  });

  it('projecting the worklist again (a role change) drops only the unreadable order', () => {
    const [a, b] = [orderInLab(), orderInLab()];
    pull([a, b]);
    setColumn('orders', 'base_json', '[]', a.id);
    store.setActor(actorOf(STAFF.mt));
    expect(store.orderIds()).toEqual([b.id]);
    expect(store.worklist().map((r) => r.order_id)).toEqual([b.id]);
    expect(store.syncState().cursor).toBeNull();
  });

  it('the holiday clocks computed again skip past it the same way', () => {
    const [a, b] = [orderInLab(), orderInLab()];
    pull([a, b]);
    setColumn('orders', 'base_json', JSON.stringify({ ...a, samples: 'none' }), a.id);
    expect(() => store.recomputeClocks()).not.toThrow();
    expect(store.orderIds()).toEqual([b.id]);
  });
});

describe('an unreadable order met by a migration', () => {
  it('is damage of the working copy: moved aside and reported, the outbox and its commands kept', () => {
    const o = orderInLab();
    pull([o]);
    const cmd = acceptFirstSample(o);
    ws.close();
    // The working copy as version 3 left it (before the clock columns), one of its rows cut short.
    const path = join(tmp.dir, WORKING_FILE);
    const db = openSqlite(path);
    db.exec(
      'DROP TABLE samples; DROP TABLE orders; DROP TABLE sync_state; DROP TABLE reference; PRAGMA user_version = 0',
    );
    migrate(db, WORK_MIGRATIONS, { to: 3 });
    db.prepare(
      `INSERT INTO orders (id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at)
       VALUES (?, 1, 'in_lab', NULL, ?, ?, 1, '{"id":', NULL, 0, ?)`,
    ).run(o.id, o.customerId, o.submittedAt, AT);
    db.close();

    ws = Workspace.open(tmp.dir);
    store = new LocalStore(ws, penyelia);
    expect(ws.integrity).not.toBeNull();
    expect(ws.integrity!.reason).toContain(o.id);
    expect(existsSync(ws.integrity!.movedTo)).toBe(true);
    expect(store.orderIds()).toEqual([]);
    expect(store.command(cmd.id)!.status).toBe('pending');
    store.recover();
    pull([o], true);
    expect(store.order(o.id)!.samples[0]!.status).toBe('received');
  });
});

describe('stored commands and reference data', () => {
  it('a command whose payload does not read is named, and the outbox row stays as it was', () => {
    const o = orderInLab();
    pull([o]);
    const cmd = acceptFirstSample(o);
    setColumn('ob.outbox', 'payload', '{"sampleId":', cmd.id);
    const e = caught(() => store.commands());
    expect(e).toMatchObject({ kind: 'command', key: cmd.id, column: 'payload' });
    expect(e.message).toContain(`perubahan ${cmd.id} tidak terbaca`);
    expect(caught(() => store.sendable(10)).key).toBe(cmd.id);
    const row = ws.db.prepare('SELECT status, payload FROM ob.outbox WHERE command_id = ?').get(cmd.id);
    expect(row).toEqual({ status: 'pending', payload: '{"sampleId":' });
  });

  it('a rejection message is read with its schema', () => {
    const o = orderInLab();
    pull([o]);
    const cmd = acceptFirstSample(o);
    store.recordOutcomes(
      [
        {
          commandId: cmd.id,
          seq: cmd.seq,
          status: 'rejected',
          code: 'stale_version',
          message: { id: 'Versi usang', en: 'Stale version' },
        },
      ],
      AT,
    );
    expect(store.command(cmd.id)!.rejection!.message).toEqual({ id: 'Versi usang', en: 'Stale version' });
    setColumn('ob.outbox', 'rejection_message', '{"id":"Versi usang"}', cmd.id);
    expect(caught(() => store.rejected())).toMatchObject({
      kind: 'command',
      key: cmd.id,
      column: 'rejection_message',
      field: 'en',
    });
  });

  it('reference data reads back as it was put; an item under another id is named', () => {
    const labs = [{ id: 'lab-1', name: 'Lab Karet' }];
    store.putReference('labs', labs, AT);
    expect(store.reference<{ id: string; name: string }>('labs')).toEqual(labs);
    setColumn('reference', 'json', '{"id":"lab-2","name":"Lab Karet"}', 'labs');
    expect(caught(() => store.reference('labs'))).toMatchObject({
      kind: 'reference',
      key: 'labs/lab-1',
      field: 'id',
    });
  });
});
