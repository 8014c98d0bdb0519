/** The rejected-change banner in one language: the engine's bilingual summary, the role once. */
import { describe, expect, it } from 'vitest';
import { summaryIn } from '../../../../renderer/desktop/frame/change-text';
import { updateOffered } from '../../../../renderer/desktop/frame/OutdatedBanner';

describe('a change summary in the user’s language', () => {
  it('keeps one language of the label and every number after it', () => {
    const s = 'Tunjuk analis / Assign analysts · ORD/PLG/2026/00015 · SPL/PLG/2026/00017';
    expect(summaryIn(s, 'id')).toBe('Tunjuk analis · ORD/PLG/2026/00015 · SPL/PLG/2026/00017');
    expect(summaryIn(s, 'en')).toBe('Assign analysts · ORD/PLG/2026/00015 · SPL/PLG/2026/00017');
  });
  it('a summary without two languages stays as it is', () => {
    expect(summaryIn('sample.assign', 'en')).toBe('sample.assign');
    expect(summaryIn('Penugasan · KR-0012', 'id')).toBe('Penugasan · KR-0012');
  });
});

describe('the outdated banner offers Perbarui only with an update to act on', () => {
  it.each([
    ['available', true],
    ['downloading', true],
    ['downloaded', true],
    ['waiting', true],
    ['idle', false],
    ['error', false],
    [undefined, false],
  ])('%s → %s', (state, offered) => {
    expect(updateOffered(state)).toBe(offered);
  });
});
