/** The bridge contract itself: one list of names, schemas for every call, patches that never reset what they leave out. */
import { describe, expect, it } from 'vitest';
import {
  BRIDGE_CALLS,
  BRIDGE_EVENTS,
  CALL_NAMES,
  EVENT_NAMES,
  isBridgeCallName,
  isBridgeEventName,
} from '../../../shared/bridge';

describe('bridge contract', () => {
  it('names every call and event exactly once, in the plain list and in the map', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(BRIDGE_CALLS).sort());
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(BRIDGE_EVENTS).sort());
  });

  it('knows its own names and nothing else', () => {
    expect(isBridgeCallName('session.login')).toBe(true);
    expect(isBridgeCallName('toString')).toBe(false);
    expect(isBridgeCallName('__proto__')).toBe(false);
    expect(isBridgeEventName('sync.status')).toBe(true);
    expect(isBridgeEventName('constructor')).toBe(false);
  });

  it('a settings patch leaves out what it does not name (saved worklist filters survive a language change)', () => {
    const patch = BRIDGE_CALLS['settings.update'].input.parse({ language: 'en' });
    expect(patch).toEqual({ language: 'en' });
    expect(BRIDGE_CALLS['settings.update'].input.safeParse({ language: 'fr' }).success).toBe(false);
    expect(BRIDGE_CALLS['settings.update'].input.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('refuses a reason that is too short and a keystore that is not base64, with messages in both languages', () => {
    const r = BRIDGE_CALLS['sample.reject'].input.safeParse({ orderId: 'o', sampleId: 's', reason: 'no' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(
      /alasan minimal 5 karakter \/ a reason needs at least 5 characters/,
    );
    const k = BRIDGE_CALLS['signing.importKeystore'].input.safeParse({
      file: { name: 'a.p12', base64: 'not base64!' },
      passphrase: null,
    });
    expect(k.success).toBe(false);
  });
});
