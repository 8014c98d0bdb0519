/**
 * The catalog routes carry each parameter's default expanded uncertainty U with its coverage factor
 * k (ISO/IEC 17025 7.8.3.1 c) and whether it is inside the unit's accreditation scope: Admin Satker
 * sets, changes and clears them (validated, with the error shape), the catalog lists them, and an
 * order made afterwards copies them into its analyses.
 */
import { expect, it } from 'vitest';
import { API, describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('catalog: default U with k and the accreditation scope', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const base = {
    name: 'Kadar abu tak larut asam',
    unit: '%',
    method: 'SNI 01-3542-2004 butir 7',
    requirement: { max: 1, source: 'SNI 01-3542-2004' },
    detectionLimit: null,
    tariff: 95_000,
  };

  it('creates a parameter with U, k and outside the scope; the catalog lists them; an order copies them', async () => {
    const created = await f.addKopiParameter({
      ...base,
      uncertainty: { expanded: 0.04, coverageFactor: 2 },
      accredited: false,
    });
    expect(created.uncertainty).toEqual({ expanded: 0.04, coverageFactor: 2 });
    expect(created.accredited).toBe(false);
    const listed = ok(await s.request('GET', `${API}/catalog`)).parameters.find(
      (p: { id: string }) => p.id === created.id,
    );
    expect(listed).toMatchObject({ uncertainty: { expanded: 0.04, coverageFactor: 2 }, accredited: false });

    const o = await f.submit(USERS.customer, {
      samples: [
        {
          sampleTypeId: f.ids.kopi.id,
          description: 'Kopi bubuk robusta, kemasan 250 g',
          customerLabel: 'K-1',
          parameterIds: [created.id],
        },
      ],
    });
    expect(o.samples[0]!.analyses[0]).toMatchObject({
      uncertainty: { expanded: 0.04, coverageFactor: 2 },
      accredited: false,
    });
  });

  it('without U and scope: no default U, inside the scope', async () => {
    const created = await f.addKopiParameter({ ...base, name: 'Kadar sari kopi' });
    expect(created.uncertainty ?? null).toBeNull();
    expect(created.accredited).toBe(true);
  });

  it('changes, clears and brings back U and the scope; other fields stay', async () => {
    const p = await f.addKopiParameter({ ...base, name: 'Kadar kafein (HPLC)' });
    const withU = ok(
      await s
        .as(USERS.admin)
        .patch(`catalog/parameters/${p.id}`, { uncertainty: { expanded: 0.015, coverageFactor: 2.1 } }),
    ).parameter;
    expect(withU).toMatchObject({
      uncertainty: { expanded: 0.015, coverageFactor: 2.1 },
      accredited: true,
      tariff: base.tariff,
      method: base.method,
    });
    const outside = ok(
      await s.as(USERS.admin).patch(`catalog/parameters/${p.id}`, { accredited: false }),
    ).parameter;
    expect(outside).toMatchObject({
      uncertainty: { expanded: 0.015, coverageFactor: 2.1 },
      accredited: false,
    });
    const cleared = ok(
      await s.as(USERS.admin).patch(`catalog/parameters/${p.id}`, { uncertainty: null, accredited: true }),
    ).parameter;
    expect(cleared.uncertainty ?? null).toBeNull();
    expect(cleared.accredited).toBe(true);
  });

  it('refuses a U that is not positive, a k outside 1..10, a U without k, with the error shape; nothing changes', async () => {
    const p = await f.addKopiParameter({
      ...base,
      name: 'Kadar air (oven)',
      uncertainty: { expanded: 0.2, coverageFactor: 2 },
    });
    const bad: [unknown, RegExp][] = [
      [{ uncertainty: { expanded: 0, coverageFactor: 2 } }, /U must be greater than 0/],
      [{ uncertainty: { expanded: -0.1, coverageFactor: 2 } }, /U must be greater than 0/],
      [{ uncertainty: { expanded: 0.1, coverageFactor: 0.5 } }, /k is at least 1/],
      [{ uncertainty: { expanded: 0.1, coverageFactor: 11 } }, /k is at most 10/],
      [{ uncertainty: { expanded: 0.1 } }, /coverageFactor|k must be a number/],
      [{ uncertainty: { expanded: '0,1', coverageFactor: 2 } }, /U must be a number/],
      [{ accredited: 'ya' }, /accredited/],
    ];
    for (const [body, why] of bad) {
      const res = await s.as(USERS.admin).patch(`catalog/parameters/${p.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: expect.any(String), message: { id: expect.any(String), en: expect.any(String) } },
      });
      expect(JSON.stringify(res.body), JSON.stringify(body)).toMatch(why);
    }
    const created = await s.as(USERS.admin).post('catalog/parameters', {
      ...base,
      name: 'Kadar air (lain)',
      sampleTypeId: f.ids.kopi.id,
      uncertainty: { expanded: 0, coverageFactor: 2 },
    });
    expect(created.status).toBe(400);
    const now = ok(await s.request('GET', `${API}/catalog`)).parameters.find(
      (x: { id: string }) => x.id === p.id,
    );
    expect(now).toMatchObject({ uncertainty: { expanded: 0.2, coverageFactor: 2 }, accredited: true });
  });

  it('only Admin Satker changes them', async () => {
    const p = ok(await s.request('GET', `${API}/catalog`)).parameters[0] as { id: string };
    expect((await s.as(USERS.cs).patch(`catalog/parameters/${p.id}`, { accredited: false })).status).toBe(
      403,
    );
    expect(
      (
        await s
          .as(USERS.customer)
          .patch(`catalog/parameters/${p.id}`, { uncertainty: { expanded: 1, coverageFactor: 2 } })
      ).status,
    ).toBe(403);
  });
});
