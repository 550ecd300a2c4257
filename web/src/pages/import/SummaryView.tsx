import { Card, SimpleGrid, Table, Title } from '@mantine/core';
import type { PlanSummary } from '../../api/plan-import.js';
import { Stat } from './Stat.js';

/** The counts read (areas, tasks, targets) and the tasks per area. */
export function SummaryView({ summary }: { summary: PlanSummary }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-summary">
      <Title order={3} size="h4" mb="sm">
        Đã đọc được
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Stat label="Lĩnh vực" value={summary.areas.length} testId="preview-area-count" />
        <Stat label="Nhiệm vụ (Phụ lục 1)" value={summary.tasks} testId="preview-task-count" />
        <Stat label="Chỉ tiêu (mục II)" value={summary.sectionTargets} testId="preview-section-targets" />
        <Stat
          label="Chỉ tiêu (Phụ lục 2)"
          value={summary.appendixLeafTargets}
          testId="preview-appendix-targets"
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={420}>
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lĩnh vực</Table.Th>
              <Table.Th ta="right">Nhiệm vụ</Table.Th>
              <Table.Th ta="right">Nhiệm vụ trọng tâm</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.areas.map((a) => (
              <Table.Tr key={a.code} data-testid="preview-area-row">
                <Table.Td>
                  {a.code}. {a.title}
                </Table.Td>
                <Table.Td ta="right">{a.tasks}</Table.Td>
                <Table.Td ta="right">{a.focusItems}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
