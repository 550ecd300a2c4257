import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DocumentEntry } from '../../api/documents.js';
import { CHANNEL_LABELS, FORM_LABELS } from '../../../../src/shared/documents.js';
import { formatDate } from '../../lib/format.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** An entry's fields, as the register records them. */
export function DocumentFields({ d }: { d: DocumentEntry }) {
  const out = d.direction === 'outgoing';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      <Field label="Sổ">{d.bookLabel}</Field>
      <Field label="Loại văn bản">{d.docTypeName}</Field>
      <Field label={out ? 'Ngày ban hành' : 'Ngày văn bản'}>{formatDate(d.documentDate)}</Field>
      {!out && <Field label="Số đến, ngày đến">{`${d.number} — ${formatDate(d.receivedOn)}`}</Field>}
      <Field label={out ? 'Nơi nhận' : 'Nơi gửi'}>{(out ? d.recipients : d.sender) ?? '—'}</Field>
      {!out && <Field label="Đơn vị, người xử lý">{d.handlingUnit ?? '—'}</Field>}
      {!out && (
        <Field label="Hạn xử lý, ngày xử lý">
          {`${formatDate(d.dueDate) || '—'} / ${formatDate(d.handledOn) || 'chưa xử lý'}`}
        </Field>
      )}
      <Field label="Hình thức">{FORM_LABELS[d.form]}</Field>
      <Field label="Phương thức">{CHANNEL_LABELS[d.channel]}</Field>
      <Field label="Ký số">{d.signed ? `Có${d.signer ? ` — ${d.signer}` : ''}` : 'Không'}</Field>
      <Field label="Độ mật">{d.confidential ? 'Văn bản mật' : 'Thường'}</Field>
      <Field label="Nguồn">{d.source === 'import' ? 'Nhập từ tệp' : 'Vào sổ trên hệ thống'}</Field>
    </SimpleGrid>
  );
}
