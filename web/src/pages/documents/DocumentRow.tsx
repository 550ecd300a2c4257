import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DocumentEntry } from '../../api/documents.js';
import { FORM_LABELS } from '../../../../src/shared/documents.js';
import { formatDate } from '../../lib/format.js';
import { DueBadge } from './DocumentBadges.js';
import { VERDICT_COLORS } from './SignatureVerdicts.js';

/** One entry of the register's list. */
export function DocumentRow({ d, subtree }: { d: DocumentEntry; subtree: boolean }) {
  return (
    <Table.Tr data-testid={`document-${d.id}`} opacity={d.status === 'cancelled' ? 0.6 : 1}>
      <Table.Td>
        <Anchor component={Link} to={`/van-ban/${d.id}`} fw={600} data-testid="document-number">
          {d.numberText}
        </Anchor>
        <Text size="xs" c="dimmed">
          {d.bookLabel}
          {d.direction === 'incoming' ? ` · số đến ${d.number}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {formatDate(d.direction === 'incoming' ? (d.receivedOn ?? d.documentDate) : d.documentDate)}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} td={d.status === 'cancelled' ? 'line-through' : undefined}>
          {d.docTypeName}: {d.summary}
        </Text>
        {subtree && (
          <Text size="xs" c="dimmed">
            {d.unit.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {(d.direction === 'outgoing' ? d.recipients : d.sender) ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color={d.form === 'electronic' ? 'blue' : 'gray'} size="sm">
            {FORM_LABELS[d.form]}
          </Badge>
          {d.confidential && (
            <Badge color="dark" size="sm">
              Mật
            </Badge>
          )}
          {d.signatureStatusLabel ? (
            <Badge color={VERDICT_COLORS[d.signatureStatus ?? ''] ?? 'gray'} variant="light" size="sm">
              {d.signatureStatusLabel}
            </Badge>
          ) : d.signed ? (
            <Badge color="teal" variant="light" size="sm">
              Ký số
            </Badge>
          ) : null}
          {d.status === 'cancelled' && (
            <Badge color="red" size="sm">
              Đã hủy
            </Badge>
          )}
          <DueBadge d={d} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
