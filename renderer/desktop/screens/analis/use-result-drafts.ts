/**
 * The typed drafts of the grid and their saving: each row is saved ~400 ms after typing stops and
 * at once when its cell is left, through `result.save` (the engine commits locally and queues it).
 * Typing is never lost: the typed text stays in the cell whatever the engine answers, and a failed
 * save keeps its error until the next save succeeds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Analysis, ExpandedUncertaintyValue } from '../../../../shared/domain/entities';
import { uncertaintyText } from '../../../../shared/elhu/uncertainty-text';
import { bridge } from '../../../bridge/client';

export const SAVE_DEBOUNCE_MS = 400;

export type DraftField = 'value' | 'uncertainty' | 'notes';

export interface RowDraft {
  value: string;
  /** The analyst's U as typed ("0,05 k=2"); empty: the catalog default applies. */
  uncertainty: string;
  notes: string;
  /** What the engine holds (from the order, or our last successful save). */
  savedValue: string;
  savedUncertainty: string;
  savedNotes: string;
  saving: boolean;
  /** Local time of our last successful save in this window. */
  savedAt: string | null;
  /** The last save's failure, as one line for people. */
  error: unknown;
}

const fromAnalysis = (a: Analysis): RowDraft => ({
  value: a.result?.value ?? '',
  uncertainty: uncertaintyText(a.result?.uncertainty),
  notes: a.result?.notes ?? '',
  savedValue: a.result?.value ?? '',
  savedUncertainty: uncertaintyText(a.result?.uncertainty),
  savedNotes: a.result?.notes ?? '',
  saving: false,
  savedAt: null,
  error: null,
});

/**
 * Text the engine cannot store yet (an unreadable Hasil) is kept in the window's storage, so a
 * restart brings it back typed and marked, as it was; a saved value or an emptied cell clears it.
 */
const heldKey = (orderId: string, sampleId: string, analysisId: string) =>
  `sippt.heldResult.${orderId}.${sampleId}.${analysisId}`;
type Held = { value: string; uncertainty: string; notes: string };
function readHeld(key: string): Held | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const v = raw ? (JSON.parse(raw) as { value?: unknown; uncertainty?: unknown; notes?: unknown }) : null;
    return v && typeof v.value === 'string' && typeof v.notes === 'string'
      ? {
          value: v.value,
          uncertainty: typeof v.uncertainty === 'string' ? v.uncertainty : '',
          notes: v.notes,
        }
      : null;
  } catch {
    return null;
  }
}
function writeHeld(key: string, held: Held | null): void {
  try {
    if (held) globalThis.localStorage?.setItem(key, JSON.stringify(held));
    else globalThis.localStorage?.removeItem(key);
  } catch {
    // storage full or disabled: the text stays in the cell for this session
  }
}
const withHeld = (d: RowDraft, held: Held | null): RowDraft =>
  held && (held.value !== d.savedValue || held.uncertainty !== d.savedUncertainty)
    ? { ...d, value: held.value, uncertainty: held.uncertainty, notes: held.notes }
    : d;

export const isDirty = (d: RowDraft): boolean =>
  d.value !== d.savedValue || d.uncertainty !== d.savedUncertainty || d.notes !== d.savedNotes;

/**
 * Whether a typed row can be stored as a draft (the engine refuses what is not a result), and
 * then its U as the engine takes it (null: the catalog default applies); null when it cannot.
 */
export type DraftCheck = (
  analysisId: string,
  value: string,
  uncertainty: string,
) => { uncertainty: ExpandedUncertaintyValue | null } | null;

export interface ResultDrafts {
  drafts: Record<string, RowDraft>;
  edit: (analysisId: string, field: DraftField, text: string) => void;
  /** Save this row now if it changed (cell left). */
  flush: (analysisId: string) => void;
  /** Save every changed row now and wait for all saves; true when nothing failed. */
  flushAll: () => Promise<boolean>;
}

export function useResultDrafts(
  orderId: string,
  sampleId: string,
  analyses: readonly Analysis[],
  canSave: DraftCheck,
): ResultDrafts {
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>(() =>
    Object.fromEntries(
      analyses.map((a) => [a.id, withHeld(fromAnalysis(a), readHeld(heldKey(orderId, sampleId, a.id)))]),
    ),
  );
  // The latest drafts for the async save loop (state updates are not visible inside a running save).
  const latest = useRef(drafts);
  latest.current = drafts;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const again = useRef(new Set<string>());

  // Rows that appear later (a retest assigned while the screen is open) join; typed rows are kept.
  useEffect(() => {
    setDrafts((prev) => {
      let changed = false;
      const next = { ...prev };
      for (const a of analyses) {
        const d = prev[a.id];
        if (!d) {
          next[a.id] = fromAnalysis(a);
          changed = true;
        } else if (!d.saving && !isDirty(d) && (a.result?.value ?? '') !== d.savedValue) {
          // The engine's copy moved (another window, a pull) and nothing is typed here: follow it.
          next[a.id] = { ...fromAnalysis(a), savedAt: d.savedAt };
          changed = true;
        }
      }
      return changed ? next : prev;
    });
  }, [analyses]);

  const patch = useCallback((id: string, p: Partial<RowDraft>) => {
    setDrafts((prev) => {
      const d = prev[id];
      if (!d) return prev;
      const next = { ...prev, [id]: { ...d, ...p } };
      latest.current = next;
      return next;
    });
  }, []);

  const save = useCallback(
    (id: string): Promise<void> => {
      const running = inFlight.current.get(id);
      if (running) {
        // One save per row at a time; the newest text goes out when the running one ends.
        again.current.add(id);
        return running;
      }
      const d = latest.current[id];
      if (!d || !isDirty(d)) return Promise.resolve();
      // An empty or unreadable Hasil cannot be a draft (the engine refuses it): it stays typed in
      // the cell, marked, until it is fixed; then it is saved like any other.
      const key = heldKey(orderId, sampleId, id);
      if (d.value.trim() === '') {
        writeHeld(key, null);
        return Promise.resolve();
      }
      const ready = canSave(id, d.value, d.uncertainty);
      if (!ready) {
        writeHeld(key, { value: d.value, uncertainty: d.uncertainty, notes: d.notes });
        return Promise.resolve();
      }
      const sent = { value: d.value, uncertainty: d.uncertainty, notes: d.notes };
      patch(id, { saving: true });
      const p = bridge
        .call('result.save', {
          orderId,
          sampleId,
          analysisId: id,
          value: sent.value.trim(),
          notes: sent.notes,
          uncertainty: ready.uncertainty,
        })
        .then(
          () => {
            writeHeld(key, null);
            patch(id, {
              saving: false,
              savedValue: sent.value,
              savedUncertainty: sent.uncertainty,
              savedNotes: sent.notes,
              savedAt: new Date().toISOString(),
              error: null,
            });
          },
          (e: unknown) => patch(id, { saving: false, error: e }),
        )
        .finally(() => {
          inFlight.current.delete(id);
          if (again.current.delete(id)) void save(id);
        });
      inFlight.current.set(id, p);
      return p;
    },
    [orderId, sampleId, patch, canSave],
  );

  const edit = useCallback(
    (id: string, field: DraftField, text: string) => {
      setDrafts((prev) => {
        const d = prev[id];
        if (!d) return prev;
        const next = { ...prev, [id]: { ...d, [field]: text } };
        latest.current = next;
        return next;
      });
      const t = timers.current.get(id);
      if (t) clearTimeout(t);
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          void save(id);
        }, SAVE_DEBOUNCE_MS),
      );
    },
    [save],
  );

  const flush = useCallback(
    (id: string) => {
      const t = timers.current.get(id);
      if (t) clearTimeout(t);
      timers.current.delete(id);
      void save(id);
    },
    [save],
  );

  const flushAll = useCallback(async () => {
    for (const [id, t] of timers.current) {
      clearTimeout(t);
      timers.current.delete(id);
    }
    // Twice: a save queued behind a running one starts when that one ends.
    for (let i = 0; i < 2; i++) {
      await Promise.all(Object.keys(latest.current).map((id) => save(id)));
      await Promise.all([...inFlight.current.values()]);
    }
    return Object.values(latest.current).every((d) => d.error === null && !isDirty(d));
  }, [save]);

  // Leaving the screen saves what is still waiting for its debounce.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const [id, t] of pending) {
        clearTimeout(t);
        void save(id);
      }
      pending.clear();
    };
  }, [save]);

  return { drafts, edit, flush, flushAll };
}
