/**
 * Bad text at every entry point (shared/domain/entities.ts textSchema): control characters refused
 * (line breaks allowed in multi-line fields), NFC normalisation, a character the E-LHU's fonts
 * cannot draw refused by name; `?offset=` empty is a 400. The printable table matches the fonts.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { expect, it } from 'vitest';
import { ELHU_PRINTABLE_RANGES, firstUnprintable } from '../../../shared/elhu/coverage';
import { suiteFlow, USERS } from './flow';
import { API, describeEachDialect } from './harness';

it('the printable table is exactly what all three embedded fonts draw', () => {
  const sets = ['Regular', 'Bold', 'Italic'].map(
    (style) =>
      new Set(
        (
          fontkit.create(
            readFileSync(new URL(`../../../resources/fonts/NotoSans-${style}.ttf`, import.meta.url)),
          ) as unknown as { characterSet: number[] }
        ).characterSet,
      ),
  );
  const table = new Set<number>();
  for (const [a, b] of ELHU_PRINTABLE_RANGES) for (let c = a; c <= b; c++) table.add(c);
  for (const c of table)
    expect(
      sets.every((s) => s.has(c)),
      `U+${c.toString(16)}`,
    ).toBe(true);
  const everywhere = [...sets[0]!].filter((c) => c !== 0xffff && sets.every((s) => s.has(c)));
  expect(everywhere.filter((c) => !table.has(c))).toEqual([]);
  expect(firstUnprintable('Kopi Ñusantara µg/kg ≤ 5 °C m³')).toBeNull();
  expect(firstUnprintable('CV Kopi 😀')).toEqual({ char: '😀', codePoint: 'U+1F600' });
});

describeEachDialect('bad text', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const registration = (over: Record<string, string>) => ({
    username: `u${Math.random().toString(36).slice(2, 10)}`,
    password: 'kata-sandi-panjang',
    companyName: 'CV Kopi Baru',
    contactName: 'Ani',
    email: `ani${Math.random().toString(36).slice(2, 8)}@kopibaru.example.id`,
    phone: '0711-123456',
    address: 'Jl. Merdeka 1, Palembang',
    ...over,
  });

  it('a name refuses control characters and line breaks; an address keeps its line breaks', async () => {
    for (const bad of ['CV Kopi\nBaru', 'CV Kopi\u0007', 'CV \u202eKopi']) {
      const r = await s.request('POST', `${API}/auth/register`, { body: registration({ companyName: bad }) });
      expect(r.status).toBe(400);
      expect(r.body.error.message.id).toContain('karakter kendali');
      expect(r.body.error.message.en).toContain('control characters');
      expect(r.body.error.message.id).not.toContain('control');
    }
    const ok = await s.request('POST', `${API}/auth/register`, {
      body: registration({ address: 'Jl. Merdeka 1\r\nPalembang' }),
    });
    expect(ok.status).toBe(201);
    const tab = await s.request('POST', `${API}/auth/register`, {
      body: registration({ address: 'Jl. Merdeka 1\tPalembang' }),
    });
    expect(tab.status).toBe(400);
  });

  it('an emoji in a customer name is refused when entered, naming the character', async () => {
    const r = await s.request('POST', `${API}/auth/register`, {
      body: registration({ companyName: 'CV Kopi 😀' }),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message.id).toContain('Karakter "😀" (U+1F600) tidak dapat dicetak di LHU');
    expect(r.body.error.message.en).toContain('The character "😀" (U+1F600) cannot be printed on the report');
  });

  it('text is stored in NFC', async () => {
    const decomposed = 'Kopi Cafe\u0301 Nusantara';
    const body = registration({ companyName: decomposed });
    expect((await s.request('POST', `${API}/auth/register`, { body })).status).toBe(201);
    const list = await s.as(USERS.admin).get('customers?status=pending_activation&limit=200');
    const names = (list.body.customers as { companyName: string }[]).map((c) => c.companyName);
    expect(names).toContain('Kopi Café Nusantara'.normalize('NFC'));
    expect(names).not.toContain(decomposed);
  });

  it('a sample description refuses an unprintable character; a result note keeps its lines but refuses one', async () => {
    const order = f.oneSample();
    order.samples[0]!.description = 'Karet remah 🧪 SIR 20';
    const r = await s.as(USERS.customer).post('orders', order);
    expect([400, 422]).toContain(r.status);
    expect(r.body.error.message.id).toContain('(U+1F9EA) tidak dapat dicetak di LHU');
  });

  it('?offset= empty is a 400 like any malformed number', async () => {
    const r = await s.as(USERS.admin).get('customers?offset=');
    expect(r.status).toBe(400);
    expect(r.body.error.message.id).toContain('query.offset');
    expect((await s.as(USERS.admin).get('customers?offset=x')).status).toBe(400);
    expect((await s.as(USERS.admin).get('customers?offset=0')).status).toBe(200);
  });
});
