/** Detection limits: kept in the catalog, managed by Admin Satker, copied into each analysis of an order. */
import { expect, it } from 'vitest';
import { API, describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('detection limits in the catalog', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  it('the catalog lists each parameter with its detection limit, null where the method has none', async () => {
    const catalog = ok(await s.request('GET', `${API}/catalog`));
    const byName = (n: string) => catalog.parameters.find((p: { name: string }) => p.name === n);
    expect(byName('Kafein').detectionLimit).toBe(0.01);
    expect(byName('Cemaran logam: timbal (Pb)').detectionLimit).toBe(0.05);
    expect(byName('Kadar air').detectionLimit).toBeNull();
  });

  it('an order copies the limit into its analyses (the server fills it, the customer cannot)', async () => {
    const body = f.twoSamples();
    // A client-chosen limit is not part of the request: refused as an unknown field.
    const sneaky = { samples: [{ ...body.samples[1]!, detectionLimit: 9 }] };
    expect((await s.as(USERS.customer).post('orders', sneaky)).status).toBe(400);
    const o = await f.submit(USERS.customer, body);
    const coffee = o.samples[1]!.analyses;
    expect(coffee.find((a) => a.parameterName === 'Kafein')!.detectionLimit).toBe(0.01);
    expect(coffee.find((a) => a.parameterName === 'Kadar air')!.detectionLimit).toBeNull();
  });

  it('Admin Satker sets, changes and clears a limit; a limit must be positive', async () => {
    const created = await f.addKopiParameter({
      name: 'Cemaran merkuri (Hg)',
      unit: 'mg/kg',
      method: 'SNI 01-4866-1998 (SSA uap dingin)',
      requirement: { max: 0.03, source: 'SNI 01-3542-2004' },
      detectionLimit: 0.002,
      tariff: 200_000,
    });
    expect(created.detectionLimit).toBe(0.002);
    const changed = ok(
      await s.as(USERS.admin).patch(`catalog/parameters/${created.id}`, { detectionLimit: 0.005 }),
    ).parameter;
    expect(changed.detectionLimit).toBe(0.005);
    // A PATCH of something else keeps it.
    expect(
      ok(await s.as(USERS.admin).patch(`catalog/parameters/${created.id}`, { tariff: 210_000 })).parameter
        .detectionLimit,
    ).toBe(0.005);
    expect(
      ok(await s.as(USERS.admin).patch(`catalog/parameters/${created.id}`, { detectionLimit: null }))
        .parameter.detectionLimit,
    ).toBeNull();
    for (const bad of [0, -1, '0,01']) {
      expect(
        (await s.as(USERS.admin).patch(`catalog/parameters/${created.id}`, { detectionLimit: bad })).status,
      ).toBe(400);
    }
    // Without the field a new parameter has none.
    const plain = await f.addKopiParameter({
      name: 'Kehalusan',
      unit: '%',
      method: 'SNI 01-3542-2004',
      tariff: 50_000,
    });
    expect(plain.detectionLimit).toBeNull();
    expect(
      (await s.as(USERS.cs).patch(`catalog/parameters/${created.id}`, { detectionLimit: 0.01 })).status,
    ).toBe(403);
  });
});
