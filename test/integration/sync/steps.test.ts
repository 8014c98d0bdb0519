/**
 * Steps 12-16 offline, for real: three desktops (Penyelia, MT, Analis) with their own working
 * copies and outboxes, the real server in its own process, every change through sync.
 */
import { describe, expect, it } from 'vitest';
import { realServerForThisFile } from './setup';

const { server, office, desktop } = realServerForThisFile('sippt-steps-');

describe('steps 12-16 offline through sync with the real server', () => {
  it('Penyelia, MT and Analis work offline; every change reaches the server once and every copy converges', async () => {
    const order = await office.orderInLab({ samples: 1, params: 3 });
    const sample = order.samples[0]!;
    const penyelia = await desktop('penyelia.karet');
    const mt = await desktop('mt.karet');
    const analis = await desktop('analis.karet1');
    expect(penyelia.core.worklist({ actionOnly: true }).map((r) => r.next_action)).toEqual(['sample.accept']);
    expect(penyelia.core.staff().some((s) => s.role === 'analis')).toBe(true);

    // Step 12, offline.
    penyelia.proxy.offline = true;
    penyelia.core.acceptSample(order.id, sample.id, 'Segel utuh, 2 kg');
    const analysts = penyelia.core
      .staff()
      .filter((s) => s.role === 'analis' && s.labId === server.user('analis.karet1').labId);
    penyelia.core.assignAnalysts(
      order.id,
      sample.id,
      sample.analyses.map((a, i) => ({
        analysisId: a.id,
        analystId: i === 0 ? server.user('analis.karet1').id : analysts[1 % analysts.length]!.id,
      })),
    );
    await expect(penyelia.core.syncNow()).rejects.toThrow();
    expect(penyelia.core.status()).toMatchObject({ pending: 2, online: false });
    penyelia.proxy.offline = false;
    await penyelia.core.syncNow();
    expect((await office.order(order.id)).samples[0]!.status).toBe('assigned');

    // Step 13: the MT validates offline.
    await mt.core.syncNow();
    mt.proxy.offline = true;
    mt.core.validateAssignment(order.id, sample.id);
    mt.proxy.offline = false;
    await mt.core.syncNow();

    // Step 14: the analyst enters and submits results offline (with a below-LOD one).
    await analis.core.syncNow();
    const mine = analis.core
      .order(order.id)!
      .samples[0]!.analyses.filter((a) => a.analystId === server.user('analis.karet1').id);
    expect(mine.length).toBeGreaterThan(0);
    analis.proxy.offline = true;
    for (const a of mine) {
      analis.core.saveResult(order.id, sample.id, a.id, { value: '0,08', notes: 'duplo' });
      // Below the limit as the analyst types it: the catalog's LoQ where the parameter has one.
      analis.core.saveResult(order.id, sample.id, a.id, {
        value: a.detectionLimit !== null ? '< LoQ' : '< 0,01',
      });
      analis.core.submitResults(order.id, sample.id, [a.id]);
    }
    analis.proxy.offline = false;
    await analis.core.syncNow();
    const server1 = await office.order(order.id);
    for (const a of mine) {
      const s = server1.samples[0]!.analyses.find((x) => x.id === a.id)!;
      expect(s.status).toBe('submitted');
      const limit = a.detectionLimit ?? 0.01;
      expect(s.result).toMatchObject({ belowDetectionLimit: true, detectionLimit: limit, numeric: null });
    }

    // The other analyst submits online; then the Penyelia verifies (step 15) and the MT validates (step 16).
    const others = server1.samples[0]!.analyses.filter((a) => a.status !== 'submitted');
    for (const a of others) {
      const who = server.demo!.users.find((u) => u.id === a.analystId)!.username;
      await office.ok(who, 'put', `/orders/${order.id}/samples/${sample.id}/analyses/${a.id}/result`, {
        result: { value: '0.12', numeric: 0.12, unit: '%' },
      });
      await office.ok(who, 'post', `/orders/${order.id}/samples/${sample.id}/analyses/${a.id}/submit`);
    }
    await penyelia.core.syncNow();
    expect(penyelia.core.worklist({ actionOnly: true }).map((r) => r.next_action)).toEqual([
      'results.verify',
    ]);
    penyelia.core.verifyResults(order.id, sample.id);
    await penyelia.core.syncNow();
    await mt.core.syncNow();
    mt.core.validateResults(order.id, sample.id);
    await mt.core.syncNow();
    const final = await office.order(order.id);
    expect(final.samples[0]!.status).toBe('results_validated');

    // Every command applied exactly once, by the desktop that issued it.
    const applications = await office.applications([order.id]);
    for (const d of [penyelia, mt, analis]) {
      for (const c of d.core.diagnostics.store.commands()) {
        expect(c.status).toBe('applied');
        expect(applications.get(c.id)?.size).toBe(1);
      }
    }
    // Convergence: each copy equals the server's view of its bucket.
    for (const d of [penyelia, mt, analis]) {
      await d.core.syncNow();
      const local = d.core.order(order.id);
      if (local) expect(local).toEqual(final);
    }
  });
});
