/**
 * The Penyelia's receipt check (SOP step 12) as the one line sample.accept stores: it always fits
 * the command's limit, a note is shortened only when it must (ending "…"), and a shortened text
 * never ends in half a character.
 */
import { describe, expect, it } from 'vitest';
import { formatReceiptCheck, type ReceiptCheckInput } from '../../../shared/domain/receipt-check';

const GOOD: ReceiptCheckInput = { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true };
const CHECKLIST = 'Jumlah cukup; kondisi baik; wadah baik; segel utuh';
const HEAD = `${CHECKLIST}; catatan: `;
const withNote = (note: string, max: number) => formatReceiptCheck({ ...GOOD, note }, max);

describe('receipt check line: shortened only when it must be', () => {
  it('a note that just fits is kept whole', () => {
    const note = 'Label lengkap';
    expect(withNote(note, HEAD.length + note.length)).toBe(HEAD + note);
  });

  it('one character more and the note ends in "…", the line exactly as long as allowed', () => {
    const note = 'Label lengkapX';
    const max = HEAD.length + note.length - 1;
    expect(withNote(note, max)).toBe(`${HEAD}Label lengka…`);
    expect(withNote(note, max)).toHaveLength(max);
  });

  it('drops the space before the "…", not the start of the note', () => {
    const note = 'Label lengkap, segel baru';
    expect(withNote(note, HEAD.length + 'Label '.length + 1)).toBe(`${HEAD}Label…`);
  });

  it('a checklist longer than the limit is itself shortened; one that fits exactly is not', () => {
    expect(formatReceiptCheck(GOOD, CHECKLIST.length)).toBe(CHECKLIST);
    expect(formatReceiptCheck(GOOD, CHECKLIST.length - 1)).toBe(`${CHECKLIST.slice(0, -2)}…`);
    expect(formatReceiptCheck(GOOD, 10)).toBe('Jumlah cu…');
  });

  it('keeps every letter up to the cut: only half a character is dropped', () => {
    // Plain letters: the line is the limit long, its last letter kept before the "…".
    expect(withNote('abcdefgh', HEAD.length + 5)).toBe(`${HEAD}abcd…`);
    // An emoji (two UTF-16 units) cut in half: its first half is dropped too.
    expect(withNote('ab😀cd', HEAD.length + 4)).toBe(`${HEAD}ab…`);
    // An emoji that fits whole before the cut stays.
    expect(withNote('ab😀cd', HEAD.length + 5)).toBe(`${HEAD}ab😀…`);
  });

  it('knows every character beyond U+FFFF, from the first to the last plane', () => {
    for (const ch of ['\u{10000}', '\u{1F600}', '\u{10FFFD}']) {
      const text = withNote(`ab${ch}cd`, HEAD.length + 4);
      expect(text, ch.codePointAt(0)!.toString(16)).toBe(`${HEAD}ab…`);
    }
  });
});
