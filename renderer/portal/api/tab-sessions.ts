/**
 * One session shared by the portal's tabs. A duplicated tab starts with a copy of the first tab's
 * sessionStorage, so both hold the same single-use refresh token: whichever refreshes first spends
 * it, and the server takes the other's refresh as a stolen token being replayed and revokes the
 * session, logging both tabs out. So the tabs of one browser coordinate:
 *
 * - one refresh at a time across tabs (Web Locks API, where the page is a secure context);
 * - a tab that rotates a token tells the others (BroadcastChannel), and a tab still holding that
 *   spent token takes the new pair instead of presenting the old one;
 * - before presenting its token, a tab asks the others whether one of them already spent it (a
 *   message can arrive after the lock is granted, and a tab asleep in the background or restored
 *   after being discarded missed it), and takes the pair the spender holds now;
 * - a session ended in one tab (log out, refused) ends in the tabs holding the same token.
 *
 * The server's reuse detection stays as strict as it was: no token is ever presented twice by the
 * portal. Without BroadcastChannel (very old browsers) each tab is on its own, as before.
 */
import type { SessionResponse } from '../../../shared/api/http';

const CHANNEL = 'sippt.portal.session';
const REFRESH_LOCK = 'sippt.portal.refresh';
/** Held (shared) by every open portal tab for its lifetime: counting holders tells whether other tabs exist. */
const TAB_LOCK = 'sippt.portal.tab';
const SPENT_KEY = 'sippt.portal.spent';
/** How long a tab waits for another tab to say it already spent a token (a live tab answers in milliseconds). */
const ASK_TIMEOUT_MS = 400;
const SPENT_KEPT = 20;
const LOCK_WAIT_MS = 10_000;

type Message =
  | { type: 'hello' }
  | { type: 'here' }
  | { type: 'rotated'; spent: string; session: SessionResponse }
  | { type: 'ask'; spent: string; nonce: string }
  | { type: 'answer'; nonce: string; session: SessionResponse }
  | { type: 'ended'; token: string };

export interface TabHooks {
  /** This tab's session now (its refresh token and access token), or null. */
  current(): SessionResponse | null;
  /** The refresh token this tab holds (stored; a tab just loaded holds one before it has a session). */
  heldToken(): string | null;
  /** Take a session from another tab (or end this one): stored and announced like a login. */
  adopt(s: SessionResponse | null): void;
}

/**
 * A refresh token named without keeping it: the first 16 characters (96 random bits) tell tokens
 * apart, and a spent token is worthless anyway.
 */
export const tokenId = (token: string): string => token.slice(0, 16);

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function spentIds(): string[] {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(SPENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

export interface TabSessions {
  /** Run `fn` while no other tab of this browser refreshes. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** The pair another tab holds after spending `token`, or null when no tab spent it. */
  spentElsewhere(token: string): Promise<SessionResponse | null>;
  /** This tab spent `token` and now holds `next`: remembered, and told to the other tabs. */
  rotated(token: string, next: SessionResponse): void;
  /** This tab's session holding `token` ended: the tabs holding the same token end theirs. */
  ended(token: string): void;
}

export function connectTabs(hooks: TabHooks): TabSessions {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const waiting = new Map<string, (s: SessionResponse) => void>();
  let othersSeen = false;
  let tabLockHeld = false;
  const post = (m: Message) => channel?.postMessage(m);

  const lm = locks();
  if (lm) {
    void lm
      .request(TAB_LOCK, { mode: 'shared' }, () => {
        tabLockHeld = true;
        return new Promise<never>(() => undefined); // held until the tab closes
      })
      .catch(() => undefined);
  }

  if (channel) {
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (m.type !== 'hello' && m.type !== 'here') othersSeen = true;
      const mine = hooks.heldToken();
      switch (m.type) {
        case 'hello':
          othersSeen = true;
          post({ type: 'here' });
          break;
        case 'here':
          othersSeen = true;
          break;
        case 'rotated':
          if (mine && tokenId(mine) === m.spent) hooks.adopt(m.session);
          break;
        case 'ask': {
          const now = hooks.current();
          if (now && spentIds().includes(m.spent)) post({ type: 'answer', nonce: m.nonce, session: now });
          break;
        }
        case 'answer':
          waiting.get(m.nonce)?.(m.session);
          break;
        case 'ended':
          if (mine && tokenId(mine) === m.token) hooks.adopt(null);
          break;
      }
    };
    post({ type: 'hello' });
  }

  /** Whether another portal tab may hold this session: the tab locks when there are locks, else the hello round. */
  async function othersMayExist(): Promise<boolean> {
    if (!channel) return false;
    if (lm) {
      const held = (await lm.query()).held ?? [];
      const tabs = held.filter((l) => l.name === TAB_LOCK).length;
      return tabs > (tabLockHeld ? 1 : 0);
    }
    if (!othersSeen) await new Promise((ok) => setTimeout(ok, 150));
    return othersSeen;
  }

  return {
    async exclusive<T>(fn: () => Promise<T>): Promise<T> {
      if (!lm) return fn();
      // A tab stuck while holding the lock (it cannot be, for long: a closed or discarded tab
      // releases it) must not keep this one signed out: after LOCK_WAIT_MS it goes on unserialised.
      let ran = false;
      try {
        return (await lm.request(
          REFRESH_LOCK,
          { mode: 'exclusive', signal: AbortSignal.timeout(LOCK_WAIT_MS) },
          () => {
            ran = true;
            return fn();
          },
        )) as T;
      } catch (e) {
        if (ran) throw e;
        return fn();
      }
    },

    async spentElsewhere(token) {
      if (!(await othersMayExist())) return null;
      const nonce = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
      return new Promise<SessionResponse | null>((ok) => {
        const timer = setTimeout(() => {
          waiting.delete(nonce);
          ok(null);
        }, ASK_TIMEOUT_MS);
        waiting.set(nonce, (s) => {
          clearTimeout(timer);
          waiting.delete(nonce);
          ok(s);
        });
        post({ type: 'ask', spent: tokenId(token), nonce });
      });
    },

    rotated(token, next) {
      const ids = [...spentIds().filter((x) => x !== tokenId(token)), tokenId(token)].slice(-SPENT_KEPT);
      storage()?.setItem(SPENT_KEY, JSON.stringify(ids));
      post({ type: 'rotated', spent: tokenId(token), session: next });
    },

    ended(token) {
      storage()?.removeItem(SPENT_KEY);
      post({ type: 'ended', token: tokenId(token) });
    },
  };
}
