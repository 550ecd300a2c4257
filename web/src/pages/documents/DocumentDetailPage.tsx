import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconDownload, IconRefresh, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { documentsApi } from '../../api/documents.js';
import type { DocumentEntry } from '../../api/documents.js';
import { ErrorAlert, PageLoader, notifyError, notifySuccess } from '../../components/common.js';
import { CHANNEL_LABELS, FORM_LABELS } from '../../../../src/core/documents/register.js';
import { formatBytes, formatDate, formatDateTime } from '../../lib/format.js';
import { CancelDocumentModal } from './CancelDocumentModal.js';
import { DueBadge } from './DocumentBadges.js';
import { SignatureVerdicts } from './SignatureVerdicts.js';

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

/** The register's history, by audit action. */
const HISTORY_LABELS: Record<string, string> = {
  register: 'Vào sổ',
  update: 'Sửa thông tin',
  cancel: 'Hủy văn bản',
  attach: 'Đính kèm tệp, kiểm tra chữ ký số',
  recheck: 'Kiểm tra lại chữ ký số',
  import: 'Nhập từ tệp',
};

function Fields({ d }: { d: DocumentEntry }) {
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

/** One entry of the register: its fields, its file and signature verdicts, cancelling, history. */
export function DocumentDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const key = ['document', id];
  const detail = useQuery({ queryKey: key, queryFn: () => documentsApi.detail(id) });
  const refresh = (data?: Awaited<ReturnType<typeof documentsApi.detail>>) => {
    if (data) qc.setQueryData(key, data);
    // The entry's figures feed the dashboard, the plan's targets and the reports.
    void qc.invalidateQueries();
  };
  const attach = useMutation({
    mutationFn: (f: File) => documentsApi.attach(id, f),
    onSuccess: (data) => {
      setFile(null);
      refresh(data);
      notifySuccess('Đã đính kèm tệp văn bản.');
    },
    onError: (err) => notifyError(err),
  });
  const recheck = useMutation({
    mutationFn: () => documentsApi.recheck(id),
    onSuccess: (data) => refresh(data),
    onError: (err) => notifyError(err),
  });

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const { document: d, verification, history } = detail.data;
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
        <Fields d={d} />
      </Card>
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          Tệp văn bản và chữ ký số
        </Title>
        <Group gap="sm" mb="sm">
          {d.file ? (
            d.actions.download ? (
              <Button
                component="a"
                href={documentsApi.fileUrl(d.id)}
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {d.file.name} ({formatBytes(d.file.size)})
              </Button>
            ) : (
              <Text size="sm">{d.file.name}</Text>
            )
          ) : (
            <Text size="sm" c="dimmed">
              Chưa đính kèm tệp.
            </Text>
          )}
          {d.actions.recheck && (
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} />}
              loading={recheck.isPending}
              onClick={() => recheck.mutate()}
            >
              Kiểm tra lại
            </Button>
          )}
        </Group>
        {d.actions.attach && (
          <Group align="flex-end" mb="sm">
            <FileInput
              label={d.file ? 'Thay tệp' : 'Đính kèm tệp'}
              placeholder="Chọn tệp (PDF đã ký số được kiểm tra ngay)"
              value={file}
              onChange={setFile}
              clearable
              w={{ base: '100%', sm: 360 }}
              data-testid="attach-file"
            />
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file}
              loading={attach.isPending}
              onClick={() => file && attach.mutate(file)}
            >
              Tải lên
            </Button>
          </Group>
        )}
        {verification && <SignatureVerdicts v={verification} />}
      </Card>
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          Lịch sử
        </Title>
        <Table verticalSpacing={4} fz="sm" data-testid="document-history">
          <Table.Tbody>
            {history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td w={170}>{formatDateTime(h.at)}</Table.Td>
                <Table.Td>{HISTORY_LABELS[h.action] ?? h.action}</Table.Td>
                <Table.Td>{h.user ?? '—'}</Table.Td>
                <Table.Td>{h.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
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
