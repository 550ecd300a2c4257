import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { UnitDashboard } from '../../api/types.js';
import { formatNumber } from '../../lib/format.js';
import { percentText } from './DocumentFiguresStrip.js';

const SharesChart = lazy(() => import('./DocumentSharesChart.js'));

type Documents = NonNullable<UnitDashboard['documents']>;
const SHARES: { key: 'electronic' | 'signed' | 'officialChannel' | 'incomingOnTime'; label: string }[] = [
  { key: 'electronic', label: 'Văn bản điện tử' },
  { key: 'signed', label: 'Văn bản đi ký số' },
  { key: 'officialChannel', label: 'Qua kênh chính thức' },
  { key: 'incomingOnTime', label: 'Văn bản đến đúng hạn' },
];

/** The dashboard's document card: the register's shares over the year to date (targets 10.1, 10.2, 10.4). */
export function DashboardDocumentsCard({ d }: { d: Documents }) {
  const measured = SHARES.flatMap((s) => {
    const v = d[s.key];
    return v === null ? [] : [{ label: s.label, value: v }];
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="dashboard-documents">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Văn bản điện tử, chữ ký số
        </Title>
        <Anchor component={Link} to="/van-ban" size="sm">
          Sổ văn bản
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Từ đầu năm: {formatNumber(d.outgoing)} văn bản đi, {formatNumber(d.incoming)} văn bản đến (không tính
        văn bản mật vào các tỷ lệ).
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        {SHARES.map((s) => (
          <Stack gap={0} key={s.key}>
            <Text size="xs" c="dimmed">
              {s.label}
            </Text>
            <Text fw={700} size="lg" data-testid={`dash-doc-${s.key}`}>
              {percentText(d[s.key])}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {measured.length > 1 && (
        <Suspense fallback={<Skeleton h={200} />}>
          <SharesChart shares={measured} />
        </Suspense>
      )}
    </Card>
  );
}
