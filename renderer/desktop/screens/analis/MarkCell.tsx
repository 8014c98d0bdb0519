/**
 * The Tanda cell: the shared ResultMark (icon, word for screen readers, tooltip with the
 * requirement and the decision rule) once a value is typed; nothing while the cell is empty.
 */
import { Center } from '@mantine/core';
import type { Requirement } from '../../../../shared/domain/entities';
import { ResultMark } from '../../../components/ResultMark';
import type { CellReading } from './result-reading';

export function MarkCell({
  reading,
  requirement,
  id,
}: {
  reading: CellReading;
  requirement: Requirement | null;
  id: string;
}) {
  return (
    <Center id={id} data-mark={reading.kind === 'value' ? reading.mark : reading.kind}>
      {reading.kind === 'value' ? (
        <ResultMark mark={reading.mark} requirement={requirement} iconOnly />
      ) : null}
    </Center>
  );
}
