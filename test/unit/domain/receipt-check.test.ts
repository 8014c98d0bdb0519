import { describe, expect, it } from 'vitest';
import { ReceiptCheckSchema } from '../../../shared/bridge/calls';
import { COMMAND_PAYLOADS } from '../../../shared/domain/commands';
import { formatReceiptCheck, RECEIPT_CONDITION_MAX } from '../../../shared/domain/receipt-check';

const accepts = (condition: string) =>
  COMMAND_PAYLOADS['sample.accept'].safeParse({ sampleId: '00000000-0000-4000-8000-000000000001', condition })
    .success;

/** The checklist of a sample received in good order, and of one wrong on every count. */
const SOUND = { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true } as const;
const FAULTY = {
  quantity: 'tidak_cukup',
  condition: 'tidak_baik',
  container: 'tidak_baik',
  sealIntact: false,
} as const;

describe('formatReceiptCheck', () => {
  it('writes the checklist as one Indonesian line', () => {
    const check = ReceiptCheckSchema.parse({ ...SOUND, storage: 'suhu ruang', note: 'Label lengkap' });
    expect(formatReceiptCheck(check)).toBe(
      'Jumlah cukup; kondisi baik; wadah baik; segel utuh; penyimpanan: suhu ruang; catatan: Label lengkap',
    );
  });

  it('says what is wrong, and leaves out empty storage and note', () => {
    const check = ReceiptCheckSchema.parse(FAULTY);
    expect(formatReceiptCheck(check)).toBe(
      'Jumlah tidak cukup; kondisi tidak baik; wadah tidak baik; segel tidak utuh',
    );
    expect(formatReceiptCheck({ ...check, storage: '  ', note: '\n' })).toBe(
      'Jumlah tidak cukup; kondisi tidak baik; wadah tidak baik; segel tidak utuh',
    );
  });

  it('keeps a note on one line', () => {
    const text = formatReceiptCheck({ ...SOUND, note: 'Dua botol,\n  satu retak' });
    expect(text).toBe('Jumlah cukup; kondisi baik; wadah baik; segel utuh; catatan: Dua botol, satu retak');
  });

  it('always fits the command: the longest checklist shortens its note, never the checklist', () => {
    expect(RECEIPT_CONDITION_MAX).toBe(1000);
    const check = ReceiptCheckSchema.parse({
      ...FAULTY,
      storage: 's'.repeat(200),
      note: `${'n'.repeat(998)}😀`,
    });
    const text = formatReceiptCheck(check);
    expect(text.length).toBeLessThanOrEqual(RECEIPT_CONDITION_MAX);
    expect(text.endsWith('…')).toBe(true);
    expect(
      text.startsWith(
        'Jumlah tidak cukup; kondisi tidak baik; wadah tidak baik; segel tidak utuh; penyimpanan: sss',
      ),
    ).toBe(true);
    expect(accepts(text)).toBe(true);
    expect(accepts(formatReceiptCheck(ReceiptCheckSchema.parse(SOUND)))).toBe(true);
  });

  it('never splits an emoji when it shortens', () => {
    const text = formatReceiptCheck({ ...SOUND, note: '😀'.repeat(600) }, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/😀…$/);
  });
});
