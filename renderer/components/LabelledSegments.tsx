/**
 * A SegmentedControl under a visible label. A group of segments has no `<label for>`: the label
 * gets an id and names the control through aria-labelledby, so a screen reader says it on entry.
 */
import { SegmentedControl, Stack, Text, type SegmentedControlProps } from '@mantine/core';

export interface LabelledSegmentsProps extends SegmentedControlProps {
  /** The label's id (unique on the page). */
  labelId: string;
  label: string;
}

export function LabelledSegments({ labelId, label, ...control }: LabelledSegmentsProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={labelId} {...control} />
    </Stack>
  );
}
