import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DossierDetail } from '../../api/dossiers.js';
import { DossierFlagBadge, DossierStatusBadge, dossierFlag, Field } from '../../components/dossier.js';
import { TimelinessBadge } from '../../components/due.js';
import { formatDateTime } from '../../lib/format.js';
import { DOSSIER_CHANNEL_LABELS, RATING_LABELS } from '../../lib/labels.js';
import { ReissueRatingLinkButton } from './ReissueRatingLinkButton.js';

/** Status, code, procedure and the dates that matter (appointment, apology, end, register line). */
export function DossierHeaderCard({
  d,
  onRatingUrl,
}: {
  d: DossierDetail;
  onRatingUrl: (url: string) => void;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Group gap={6}>
            <DossierStatusBadge status={d.status} label={d.statusLabel} size="md" />
            {d.timeliness ? (
              <TimelinessBadge value={d.timeliness} size="md" />
            ) : (
              <DossierFlagBadge flag={dossierFlag(d, d.atRisk)} size="md" />
            )}
            <Badge variant="outline" color="gray" size="md">
              {DOSSIER_CHANNEL_LABELS[d.channel]}
            </Badge>
          </Group>
          <Title order={2} fz={{ base: 'h3', sm: 'h2' }} data-testid="dossier-code">
            {d.code}
          </Title>
          <Text data-testid="dossier-procedure">
            {d.procedureCode} – {d.procedureName}
          </Text>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="md" spacing="sm">
        <Field label="Tiếp nhận lúc">{formatDateTime(d.receivedAt)}</Field>
        <Field label="Hẹn trả kết quả" testId="dossier-appointment">
          {formatDateTime(d.appointmentAt)}
        </Field>
        <Field label="Hẹn trả ban đầu" testId="dossier-original-appointment">
          {formatDateTime(d.originalAppointmentAt)}
        </Field>
        <Field label="Hẹn lại (Mẫu 04)" testId="dossier-apology-at">
          {d.apologyAppointmentAt ? (
            <Text span c="orange.8" fw={600} size="sm">
              {formatDateTime(d.apologyAppointmentAt)}
            </Text>
          ) : (
            '—'
          )}
        </Field>
        <Field label="Kết thúc lúc">{formatDateTime(d.endedAt)}</Field>
        <Field label="Sổ theo dõi">
          {d.registerBook ? `Sổ ${d.registerBook}` : '—'}
          {d.registerNo !== null ? `, số ${d.registerNo}` : ''}
        </Field>
        <Field label="Yêu cầu bổ sung">
          {d.supplementRequests > 0 ? `${d.supplementRequests} lần` : 'Chưa có'}
        </Field>
        <Field label="Đánh giá của người dân">
          {d.rating && d.rating in RATING_LABELS
            ? RATING_LABELS[d.rating as keyof typeof RATING_LABELS]
            : 'Chưa có'}
          {d.actions.reissueRatingLink && <ReissueRatingLinkButton id={d.id} onRatingUrl={onRatingUrl} />}
        </Field>
      </SimpleGrid>
    </Card>
  );
}
