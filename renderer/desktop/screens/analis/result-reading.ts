/**
 * What a typed Hasil means for the grid, computed synchronously on every keystroke (the mark must
 * show within 50 ms). The reading and the mark are the shared ones (shared/domain/result-text.ts:
 * the same rules the engine stores and the E-LHU prints); this only adds the grid's "empty" state,
 * which is neither a value nor a problem while the analyst has not typed yet.
 */
import type { Analysis } from '../../../../shared/domain/entities';
import type { Message } from '../../../../shared/domain/rejections';
import { interpretResultText, markOf, type ResultMark } from '../../../../shared/domain/result-text';

export type { ResultMark };

export type CellReading =
  | { kind: 'empty'; mark: 'none' }
  | { kind: 'invalid'; mark: 'none'; message: Message }
  | { kind: 'value'; mark: ResultMark };

export type ReadableAnalysis = Pick<Analysis, 'requirement' | 'detectionLimit'>;

export function readResultText(text: string, analysis: ReadableAnalysis): CellReading {
  if (text.trim() === '') return { kind: 'empty', mark: 'none' };
  const r = interpretResultText(text, analysis.detectionLimit, analysis.requirement);
  if (!r.ok) return { kind: 'invalid', mark: 'none', message: r.message };
  return { kind: 'value', mark: markOf(analysis, text) };
}
