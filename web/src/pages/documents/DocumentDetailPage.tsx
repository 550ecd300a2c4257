import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { documentKeys, documentsApi } from '../../api/documents.js';
import { ErrorAlert, PageLoader, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';
import { CancelDocumentModal } from './CancelDocumentModal.js';
import { DueBadge } from './DocumentBadges.js';
import { DocumentFields } from './DocumentFields.js';
import { DocumentFileCard } from './DocumentFileCard.js';
import { DocumentHistory } from './DocumentHistory.js';

/** One entry of the register: its fields, its file and signature verdicts, cancelling, history. */
export function DocumentDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const key = documentKeys.detail(id);
  const detail = useQuery({ queryKey: key, queryFn: () => documentsApi.detail(id) });
  const refresh = (data?: Awaited<ReturnType<typeof documentsApi.detail>>) => {
    if (data) qc.setQueryData(key, data);
    // The entry's figures feed the dashboard, the plan's targets and the reports.
    void qc.invalidateQueries();
  };

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const { document: d, history } = detail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/van-ban" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Sổ văn bản
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="document-number-text">
              {d.numberText}
            </Title>
            {d.status === 'cancelled' && <Badge color="red">Đã hủy</Badge>}
            <DueBadge d={d} />
          </Group>
          <Text>{d.summary}</Text>
          <Text size="sm" c="dimmed">
            {d.unit.name}
          </Text>
        </Stack>
        {d.actions.cancel && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={18} />}
            onClick={() => setCancelling(true)}
          >
            Hủy văn bản
          </Button>
        )}
      </Group>
      {d.status === 'cancelled' && (
        <Text c="red.8" size="sm" data-testid="cancel-reason-text">
          Đã hủy lúc {formatDateTime(d.cancelledAt)}: {d.cancelReason}
        </Text>
      )}
      <Card withBorder radius="md">
        <DocumentFields d={d} />
      </Card>
      <DocumentFileCard detail={detail.data} onRefresh={refresh} />
      <DocumentHistory history={history} />
      {cancelling && (
        <CancelDocumentModal
          doc={d}
          onClose={() => setCancelling(false)}
          onDone={() => {
            setCancelling(false);
            notifySuccess('Đã hủy văn bản trong sổ.');
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
