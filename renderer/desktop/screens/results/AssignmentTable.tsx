/**
 * The assignment of a sample, one row per parameter: parameter, method, analyst. The Penyelia edits
 * the analyst column (step 12); the MT reads it before validating (step 13): one table, so both see
 * the same thing laid out the same way.
 */
import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';

export interface AssignmentTableRow {
  id: string;
  parameterName: string;
  method: string;
}

export function AssignmentTable<R extends AssignmentTableRow>({
  rows,
  labelledBy,
  headers,
  analyst,
  analystWidth = '30%',
}: {
  rows: readonly R[];
  labelledBy: string;
  headers: { parameter: string; method: string; analyst: string };
  /** The analyst cell of a row: a picker while it can be edited, the name otherwise. */
  analyst: (row: R) => ReactNode;
  analystWidth?: string;
}) {
  return (
    <Table
      withTableBorder
      layout="fixed"
      verticalSpacing={5}
      horizontalSpacing={8}
      aria-labelledby={labelledBy}
    >
      <colgroup>
        <col style={{ width: '40%' }} />
        <col />
        <col style={{ width: analystWidth }} />
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          <Table.Th fz="xs" c="gray.7">
            {headers.parameter}
          </Table.Th>
          <Table.Th fz="xs" c="gray.7">
            {headers.method}
          </Table.Th>
          <Table.Th fz="xs" c="gray.7">
            {headers.analyst}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id} style={{ verticalAlign: 'middle' }}>
            <Table.Td>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {a.parameterName}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                {a.method}
              </Text>
            </Table.Td>
            <Table.Td>{analyst(a)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
