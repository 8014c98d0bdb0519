/**
 * CS's order review at step 5 (kaji ulang permintaan, ISO/IEC 17025 7.1): can the lab do the order?
 * Three questions (staff, method, equipment), each Bisa / Tidak bisa; a "Tidak bisa" sends the order
 * back to the customer instead of on. Driven through `decide` as the front office sends it.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { A, NOW, REASON, orderAt, refuse, runOrder } from './fixtures';

const ORDER_NUMBER = 'ORD/BSPJI-PLG/2026/0001';
const ALL_CAN = { sdm: 'bisa', metode: 'bisa', peralatan: 'bisa' } as const;

describe('order review (step 5)', () => {
  it('validating with every answer "bisa" keeps the answers, who gave them and when', () => {
    const o = runOrder(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: ORDER_NUMBER,
      review: ALL_CAN,
    });
    expect(o.status).toBe('validated');
    expect(o.review).toEqual({ answers: ALL_CAN, by: A.cs.userId, at: NOW.toISOString() });
  });

  it('a "tidak bisa" refuses the validation, naming each question answered so, in both languages', () => {
    const r = refuse(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: ORDER_NUMBER,
      review: { sdm: 'bisa', metode: 'tidak_bisa', peralatan: 'tidak_bisa' },
    });
    expect(r.code).toBe('invalid_payload');
    expect(r.message.id).toContain('(Kesesuaian metode, Kemampuan peralatan)');
    expect(r.message.id).toContain('kembalikan pesanan ke pelanggan');
    expect(r.message.en).toContain('(Suitability of the method, Equipment capability)');
    expect(r.message.id).not.toContain('Kemampuan SDM');

    const one = refuse(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: ORDER_NUMBER,
      review: { sdm: 'tidak_bisa', metode: 'bisa', peralatan: 'bisa' },
    });
    expect(one.message.id).toContain('(Kemampuan SDM)');
    expect(one.message.en).toContain('(Staff competence)');
  });

  it('each question has its own label, in Indonesian and English', () => {
    const labels = (['sdm', 'metode', 'peralatan'] as const).map((q) => {
      const r = refuse(orderAt('submitted'), A.cs, 'order.validate', {
        orderNumber: ORDER_NUMBER,
        review: { ...ALL_CAN, [q]: 'tidak_bisa' },
      });
      return [/\(([^)]+)\)/.exec(r.message.id)![1], /\(([^)]+)\)/.exec(r.message.en)![1]];
    });
    expect(new Set(labels.map((l) => l[0])).size).toBe(3);
    expect(new Set(labels.map((l) => l[1])).size).toBe(3);
  });

  it('a review with a question left open, an unknown question or another answer is not a review', () => {
    const payloads = [
      { sdm: 'bisa', metode: 'bisa' },
      { ...ALL_CAN, waktu: 'bisa' },
      { ...ALL_CAN, peralatan: 'mungkin' },
    ];
    for (const review of payloads) {
      const r = refuse(orderAt('submitted'), A.cs, 'order.validate', { orderNumber: ORDER_NUMBER, review });
      expect(r.code, JSON.stringify(review)).toBe('invalid_payload');
      expect(r.message.id).toContain('"review');
    }
    const wrongAnswer = refuse(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: ORDER_NUMBER,
      review: { ...ALL_CAN, sdm: 'ya' },
    });
    expect(wrongAnswer.message.id).toContain('jawaban kaji ulang "bisa" atau "tidak_bisa"');
    expect(wrongAnswer.message.en).toContain('a review answer is "bisa" or "tidak_bisa"');
  });

  it('returning the order to the customer keeps the answers that sent it back', () => {
    const review = { sdm: 'bisa', metode: 'tidak_bisa', peralatan: 'bisa' } as const;
    const o: Order = runOrder(orderAt('submitted'), A.cs, 'order.return_to_customer', {
      reason: REASON,
      review,
    });
    expect(o.status).toBe('returned_to_customer');
    expect(o.review).toEqual({ answers: review, by: A.cs.userId, at: NOW.toISOString() });
  });

  it("Ketua Tim's return of a validated order is about the tariff: it carries no review answers", () => {
    const r = refuse(orderAt('validated'), A.ketuaTim, 'order.return_to_customer', {
      reason: REASON,
      review: ALL_CAN,
    });
    expect(r.code).toBe('invalid_payload');
    expect(r.message.id).toContain('langkah 5');
    expect(r.message.en).toContain('an order as submitted (step 5)');
    const o = runOrder(orderAt('validated'), A.ketuaTim, 'order.return_to_customer', { reason: REASON });
    expect(o.status).toBe('returned_to_customer');
  });

  it('a validation without review answers (an integrator) still validates, with no review kept', () => {
    const o = runOrder(orderAt('submitted'), A.cs, 'order.validate', { orderNumber: ORDER_NUMBER });
    expect(o.status).toBe('validated');
    expect(o.review ?? null).toBeNull();
  });
});
