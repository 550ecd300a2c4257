import { Anchor, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DossierFlagBadge, DossierStatusBadge, dossierFlag } from '../../components/dossier.js';
import { formatDateTime } from '../../lib/format.js';
import { ApologyBadge } from './ApologyBadge.js';
import type { DossierRow } from './DossierTable.js';

/** A register line as a card, on a narrow screen. */
export function DossierCard({
  d,
  showUnit,
  dueSoon,
  apology,
}: {
  d: DossierRow;
  showUnit: boolean;
  dueSoon: boolean;
  apology: boolean;
}) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={apology && d.apologyRequired ? 'yellow.0' : undefined}
      data-testid="dossier-row"
      data-code={d.code}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} size="sm">
          {d.code}
        </Anchor>
        <Group gap={4} justify="flex-end">
          <DossierStatusBadge status={d.status} label={d.statusLabel} size="xs" />
          <DossierFlagBadge flag={dossierFlag(d, dueSoon)} size="xs" />
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {d.procedureName}
      </Text>
      <Text size="xs" c="dimmed">
        {d.applicantName}
        {showUnit ? ` · ${d.unitName}` : ''}
      </Text>
      <Text size="xs" mt={4}>
        Nhận: {formatDateTime(d.receivedAt)} · Hẹn trả: {formatDateTime(d.appointmentAt)}
      </Text>
      {d.apologyAppointmentAt && (
        <Text size="xs" c="orange.8">
          Hẹn lại: {formatDateTime(d.apologyAppointmentAt)}
        </Text>
      )}
      {apology && d.apologyRequired && <ApologyBadge />}
    </Paper>
  );
}
