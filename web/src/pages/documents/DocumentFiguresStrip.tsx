import { Card, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { DocumentPage } from '../../api/documents.js';
import { formatNumber } from '../../lib/format.js';

type Figures = DocumentPage['figures'];
type Key = 'electronic' | 'signed' | 'officialChannel' | 'incomingOnTime';

/** The register's shares (targets 10.1, 10.2, 10.4; incoming on time), each with its count. */
export const DOCUMENT_SHARES: { key: Key; label: string }[] = [
  { key: 'electronic', label: 'Văn bản điện tử (10.1)' },
  { key: 'signed', label: 'Văn bản đi ký số (10.2)' },
  { key: 'officialChannel', label: 'Qua kênh chính thức (10.4)' },
  { key: 'incomingOnTime', label: 'Văn bản đến xử lý đúng hạn' },
];

export const percentText = (v: number | null): string =>
  v === null ? 'chưa có số liệu' : `${formatNumber(v)}%`;

export function DocumentFiguresStrip({ figures, year }: { figures: Figures; year: number }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid="document-figures">
      <Text size="sm" c="dimmed" mb={4}>
        Tỷ lệ năm {year} (không tính văn bản mật và văn bản đã hủy)
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {DOCUMENT_SHARES.map(({ key, label }) => {
          const f = figures[key];
          return (
            <Tooltip key={key} label={f.definition} multiline w={320}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={700} size="lg" data-testid={`figure-${key}`}>
                  {percentText(f.value)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatNumber(f.numerator)}/{formatNumber(f.denominator)}
                </Text>
              </Stack>
            </Tooltip>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
