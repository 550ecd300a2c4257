import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  Collapse,
  Group,
  Image,
  List,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowsExchange,
  IconCheck,
  IconCircleCheck,
  IconCopy,
  IconFileAlert,
  IconFilePlus,
  IconHandStop,
  IconLock,
  IconMoodHappy,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { api } from '../api/client.js';
import type {
  DossierDetail,
  DossierEventOut,
  FlagsPatch,
  ReturnMethod,
  StepInput,
  StepKind,
  StepResult,
} from '../api/types.js';
import { EmptyText, ErrorAlert, notifyError, notifySuccess, PageLoader } from '../components/common.js';
import {
  DossierBreadcrumbs,
  DossierFlagBadge,
  DossierStatusBadge,
  DownloadButton,
  Field,
  MomentInput,
  dossierFlag,
  momentIso,
} from '../components/dossier.js';
import { TimelinessBadge } from '../components/due.js';
import { copyText } from '../lib/clipboard.js';
import { formatDateTime } from '../lib/format.js';
import {
  DOCUMENT_KIND_LABELS,
  DOSSIER_CHANNEL_LABELS,
  RATING_LABELS,
  RETURN_METHOD_LABELS,
  TIMELINESS_COLORS,
} from '../lib/labels.js';
import { vietnamToday } from '../lib/period.js';

type FormName = 'mau01' | 'mau02' | 'mau03' | 'mau04' | 'mau05';
const FORM_LABELS: Record<FormName, string> = {
  mau01: 'Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  mau02: 'Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  mau03: 'Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  mau04: 'Mẫu 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  mau05: 'Mẫu 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

/** The steps staff record, with the button that opens each one's dialog. */
const STEP_LABELS: Record<StepKind, string> = {
  supplement_requested: 'Yêu cầu bổ sung (Mẫu 02)',
  supplement_received: 'Đã nhận bổ sung',
  transferred: 'Chuyển xử lý',
  resolved: 'Có kết quả',
  returned: 'Trả kết quả',
  refused: 'Từ chối (Mẫu 03)',
  withdrawn: 'Rút hồ sơ',
  apology_issued: 'Phiếu xin lỗi (Mẫu 04)',
};
const STEP_ICONS: Record<StepKind, ReactNode> = {
  supplement_requested: <IconFilePlus size={16} />,
  supplement_received: <IconCheck size={16} />,
  transferred: <IconArrowsExchange size={16} />,
  resolved: <IconCircleCheck size={16} />,
  returned: <IconSend size={16} />,
  refused: <IconX size={16} />,
  withdrawn: <IconArrowBackUp size={16} />,
  apology_issued: <IconFileAlert size={16} />,
};
const STEP_COLORS: Partial<Record<StepKind, string>> = {
  resolved: 'teal',
  returned: 'green',
  refused: 'red',
  withdrawn: 'gray',
  apology_issued: 'orange',
};

/** The steps that make sense in a status (the server checks again and explains a refusal). */
function stepsFor(d: DossierDetail): StepKind[] {
  switch (d.status) {
    case 'received':
    case 'in_progress':
      return ['transferred', 'resolved', 'supplement_requested', 'apology_issued', 'refused', 'withdrawn'];
    case 'awaiting_supplement':
      return ['supplement_received', 'transferred', 'apology_issued', 'refused', 'withdrawn'];
    case 'resolved':
      return ['returned', 'transferred'];
    default:
      return [];
  }
}

function formsFor(d: DossierDetail): FormName[] {
  const has = (kind: string) => d.events.some((e) => e.kind === kind);
  return [
    'mau01',
    ...(has('supplement_requested') ? (['mau02'] as const) : []),
    ...(has('refused') ? (['mau03'] as const) : []),
    ...(has('apology_issued') ? (['mau04'] as const) : []),
    'mau05',
  ];
}

export function DossierPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['dossier', id],
    queryFn: () => api.dossier(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error('Không tìm thấy hồ sơ.')} />;
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return <DossierView d={q.data} />;
}

function useDossierChanged(id: number) {
  const qc = useQueryClient();
  return async (d: DossierDetail) => {
    qc.setQueryData(['dossier', id], d);
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['dossiers'] }),
      qc.invalidateQueries({ queryKey: ['dossiers-due'] }),
      qc.invalidateQueries({ queryKey: ['dossier-figures'] }),
      qc.invalidateQueries({ queryKey: ['plan'] }),
    ]);
  };
}

function DossierView({ d }: { d: DossierDetail }) {
  const location = useLocation();
  const justReceived = (location.state as { received?: boolean } | null)?.received === true;
  const [step, setStep] = useState<StepKind | null>(null);
  const [ratingUrl, setRatingUrl] = useState<string | null>(null);
  const steps = d.actions.handle ? stepsFor(d) : [];
  const open = d.endedAt === null;

  return (
    <Stack gap="lg" data-testid="dossier-page" data-status={d.status}>
      <DossierBreadcrumbs current={d.code} />

      {justReceived && d.actions.documents && d.events.length === 1 && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          title="Đã tiếp nhận hồ sơ"
          data-testid="received-alert"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Hồ sơ đã vào sổ với mã <b>{d.code}</b>. In Giấy tiếp nhận hồ sơ và hẹn trả kết quả để giao người
              nộp: mã QR trên giấy dẫn đến trang tra cứu tình trạng hồ sơ.
            </Text>
            <DownloadButton href={api.dossierFormUrl(d.id, 'mau01')} testId="received-mau01">
              Tải Mẫu 01
            </DownloadButton>
          </Stack>
        </Alert>
      )}

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
            {d.actions.reissueRatingLink && (
              <ReissueRatingLinkButton id={d.id} onRatingUrl={(url) => setRatingUrl(url)} />
            )}
          </Field>
        </SimpleGrid>
      </Card>

      {open && d.apologyRequired && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Cần phiếu xin lỗi"
          data-testid="apology-required"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Hồ sơ {d.late ? 'đã quá hạn' : 'sắp đến hạn'} mà chưa có phiếu xin lỗi và hẹn lại ngày trả kết
              quả (Mẫu 04). Phiếu phải gửi người nộp trước khi hết hạn.
            </Text>
            {steps.includes('apology_issued') && (
              <Button size="xs" color="orange" onClick={() => setStep('apology_issued')}>
                Lập phiếu xin lỗi
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      {steps.length > 0 && (
        <Card withBorder radius="md" padding="md" data-testid="dossier-steps">
          <Title order={3} size="h4" mb="sm">
            Xử lý hồ sơ
          </Title>
          <Group gap="xs">
            {steps.map((k) => (
              <Button
                key={k}
                variant={
                  k === 'resolved' || k === 'returned' || k === 'supplement_received' ? 'filled' : 'light'
                }
                color={STEP_COLORS[k]}
                leftSection={STEP_ICONS[k]}
                onClick={() => setStep(k)}
                data-testid={`step-${k}`}
              >
                {STEP_LABELS[k]}
              </Button>
            ))}
          </Group>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <ApplicantCard d={d} />
          <DocumentsCard d={d} />
        </Stack>
        <Stack gap="lg">
          <FlagsCard d={d} />
          {d.actions.documents && (
            <Card withBorder radius="md" padding="md" data-testid="dossier-forms">
              <Title order={3} size="h4" mb="sm">
                In phiếu
              </Title>
              <Stack gap={6} align="stretch">
                {formsFor(d).map((f) => (
                  <DownloadButton
                    key={f}
                    href={api.dossierFormUrl(d.id, f)}
                    variant="light"
                    justify="flex-start"
                    testId={`form-${f}`}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                    h="auto"
                    py={6}
                  >
                    {FORM_LABELS[f]}
                  </DownloadButton>
                ))}
              </Stack>
            </Card>
          )}
        </Stack>
      </SimpleGrid>

      <HandoversCard d={d} />
      <EventsCard d={d} />
      {d.actions.handle && <AccessLogCard d={d} />}

      {step && (
        <StepModal d={d} kind={step} onClose={() => setStep(null)} onRatingUrl={(url) => setRatingUrl(url)} />
      )}
      {ratingUrl && <RatingLinkModal url={ratingUrl} onClose={() => setRatingUrl(null)} />}
    </Stack>
  );
}

function ApplicantCard({ d }: { d: DossierDetail }) {
  const a = d.applicant;
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-applicant">
      <Title order={3} size="h4" mb="sm">
        Người nộp hồ sơ
      </Title>
      {!a.full && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock size={16} />}
          mb="sm"
          data-testid="applicant-masked"
        >
          Thông tin cá nhân chỉ hiển thị cho cán bộ xử lý hồ sơ.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label="Họ và tên" testId="applicant-name">
          {a.name}
        </Field>
        {a.full && (
          <>
            <Field label="Số định danh / mã số">{a.idNumber ?? '—'}</Field>
            <Field label="Số điện thoại">{a.phone ?? '—'}</Field>
            <Field label="Thư điện tử">{a.email ?? '—'}</Field>
          </>
        )}
      </SimpleGrid>
      {a.full && (
        <Box mt="sm">
          <Field label="Địa chỉ">{a.address ?? '—'}</Field>
        </Box>
      )}
      {d.request && (
        <Box mt="sm">
          <Field label="Nội dung yêu cầu">{d.request}</Field>
        </Box>
      )}
    </Card>
  );
}

function DocumentsCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-documents">
      <Title order={3} size="h4" mb="sm">
        Thành phần hồ sơ ({d.documents.length})
      </Title>
      {d.documents.length === 0 ? (
        <EmptyText>Không có.</EmptyText>
      ) : (
        <List type="ordered" size="sm" spacing={4}>
          {d.documents.map((doc, i) => (
            <List.Item key={i}>
              {doc.name}
              <Text span size="xs" c="dimmed">
                {' '}
                (
                {[
                  doc.kind && doc.kind in DOCUMENT_KIND_LABELS
                    ? DOCUMENT_KIND_LABELS[doc.kind as keyof typeof DOCUMENT_KIND_LABELS]
                    : null,
                  `${doc.copies ?? 1} bản`,
                ]
                  .filter(Boolean)
                  .join(', ')}
                )
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

const FLAG_LABELS: { key: keyof FlagsPatch; label: string; description?: string }[] = [
  { key: 'paidOnline', label: 'Đã thanh toán trực tuyến' },
  { key: 'digitised', label: 'Đã số hóa thành phần hồ sơ' },
  { key: 'electronicResult', label: 'Cấp kết quả điện tử' },
  { key: 'signedResult', label: 'Kết quả có ký số' },
  { key: 'complaint', label: 'Có phản ánh, kiến nghị' },
];

function FlagsCard({ d }: { d: DossierDetail }) {
  const changed = useDossierChanged(d.id);
  const save = useMutation({
    mutationFn: (patch: FlagsPatch) => api.dossierFlags(d.id, patch),
    onSuccess: changed,
    onError: (err) => notifyError(err),
  });
  const flags = d.flags as Record<string, boolean>;
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-flags">
      <Title order={3} size="h4" mb="sm">
        Số hóa, thanh toán, phản ánh
      </Title>
      <Stack gap="sm">
        {FLAG_LABELS.map((f) => (
          <Switch
            key={f.key}
            label={f.label}
            description={
              f.key === 'paidOnline' && !d.flags.feeBearing ? 'Thủ tục không thu phí, lệ phí' : undefined
            }
            checked={flags[f.key] === true}
            disabled={!d.actions.handle || save.isPending}
            onChange={(e) => save.mutate({ [f.key]: e.currentTarget.checked })}
            data-testid={`flag-${f.key}`}
          />
        ))}
      </Stack>
      {!d.actions.handle && (
        <Text size="xs" c="dimmed" mt="sm">
          Chỉ cán bộ xử lý hồ sơ của đơn vị mới sửa được.
        </Text>
      )}
    </Card>
  );
}

function HandoversCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-handovers">
      <Title order={3} size="h4" mb={4}>
        Quá trình giải quyết (Mẫu 05)
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Mỗi lần giao, nhận hồ sơ giữa các bộ phận, với tình trạng so với thời hạn.
      </Text>
      {d.handovers.length === 0 ? (
        <EmptyText>Chưa có lần chuyển xử lý nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Bên giao</Table.Th>
                <Table.Th>Bên nhận</Table.Th>
                <Table.Th>Tình trạng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.handovers.map((h, i) => (
                <Table.Tr key={i} data-testid="handover-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
                  <Table.Td>{h.from}</Table.Td>
                  <Table.Td>
                    {h.to}
                    {h.note && (
                      <Text size="xs" c="dimmed">
                        {h.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={TIMELINESS_COLORS[h.status]}
                      variant="light"
                      data-testid="handover-status"
                      data-status={h.status}
                    >
                      {h.statusLabel}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** A moment stored in an event's data: epoch milliseconds or an ISO string. */
function momentText(v: unknown): string | null {
  if (typeof v === 'number') return formatDateTime(new Date(v).toISOString());
  if (typeof v === 'string') return formatDateTime(v);
  return null;
}

function eventLines(e: DossierEventOut): string[] {
  const data = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof data[k] === 'string' ? data[k] : null);
  const list = (k: string) =>
    Array.isArray(data[k]) ? (data[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  switch (e.kind) {
    case 'received': {
      const c = str('channel');
      return c && c in DOSSIER_CHANNEL_LABELS
        ? [`Kênh: ${DOSSIER_CHANNEL_LABELS[c as keyof typeof DOSSIER_CHANNEL_LABELS]}`]
        : [];
    }
    case 'supplement_requested':
      return [...(str('reason') ? [`Lý do: ${str('reason')}`] : []), ...list('items').map((it) => `• ${it}`)];
    case 'refused':
      return list('reasons').map((r) => `• ${r}`);
    case 'transferred':
      return [`${str('from') ?? '?'} → ${str('to') ?? '?'}`, ...(str('note') ? [str('note') as string] : [])];
    case 'returned': {
      const m = str('method');
      return m && m in RETURN_METHOD_LABELS ? [RETURN_METHOD_LABELS[m as ReturnMethod]] : [];
    }
    case 'apology_issued':
      return [
        ...(momentText(data.newAppointment) ? [`Hẹn lại: ${momentText(data.newAppointment)}`] : []),
        ...(str('reason') ? [`Lý do: ${str('reason')}`] : []),
      ];
    default:
      return [];
  }
}

function EventsCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-events">
      <Title order={3} size="h4" mb="sm">
        Diễn biến
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={d.events.length - 1}>
        {d.events.map((e, i) => (
          <Timeline.Item key={i} title={e.label} data-testid="dossier-event" data-kind={e.kind}>
            <Text size="xs" c="dimmed">
              {e.actor ?? 'Hệ thống'} · {formatDateTime(e.at)}
            </Text>
            {eventLines(e).map((line, j) => (
              <Text key={j} size="sm">
                {line}
              </Text>
            ))}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function AccessLogCard({ d }: { d: DossierDetail }) {
  const [opened, setOpened] = useState(false);
  const log = useQuery({
    queryKey: ['access-log', d.unitId, d.id],
    queryFn: () => api.accessLog(d.unitId, d.id),
    enabled: opened,
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Nhật ký truy cập thông tin cá nhân
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setOpened((o) => !o)}
          data-testid="access-log-toggle"
        >
          {opened ? 'Ẩn' : 'Xem'}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Box mt="sm">
          {log.isPending ? (
            <PageLoader />
          ) : log.isError ? (
            <ErrorAlert error={log.error} />
          ) : log.data.length === 0 ? (
            <EmptyText>Chưa có lượt truy cập nào.</EmptyText>
          ) : (
            <Stack gap={4}>
              {log.data.map((r, i) => (
                <Text key={i} size="sm">
                  {formatDateTime(r.at)} · {r.user ?? '—'} · {r.detail ?? r.kind}
                </Text>
              ))}
            </Stack>
          )}
        </Box>
      </Collapse>
    </Card>
  );
}

/** Vietnam date of a moment, shifted by `days`. */
const vnDatePlus = (iso: string, days: number) =>
  dayjs(new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10))
    .add(days, 'day')
    .format('YYYY-MM-DD');

function StepModal({
  d,
  kind,
  onClose,
  onRatingUrl,
}: {
  d: DossierDetail;
  kind: StepKind;
  onClose: () => void;
  onRatingUrl: (url: string) => void;
}) {
  const changed = useDossierChanged(d.id);
  const lastHolder = d.handovers.length > 0 ? d.handovers[d.handovers.length - 1]?.to : undefined;
  const promise = d.apologyAppointmentAt ?? d.appointmentAt;
  const [reason, setReason] = useState('');
  const [items, setItems] = useState('');
  const [from, setFrom] = useState(lastHolder ?? 'Bộ phận tiếp nhận và trả kết quả');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<ReturnMethod>(d.channel === 'online' ? 'online' : 'direct');
  const [newDate, setNewDate] = useState<string | null>(() => vnDatePlus(promise, 3));
  const [newTime, setNewTime] = useState('16:00');
  const [backdated, setBackdated] = useState(false);
  const [atDate, setAtDate] = useState<string | null>(vietnamToday());
  const [atTime, setAtTime] = useState('08:00');
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  const save = useMutation({
    mutationFn: () => {
      const at = backdated ? momentIso(atDate, atTime) : null;
      if (backdated && !at) throw new Error('Hãy nhập ngày và giờ thực hiện.');
      const when = at ? { at } : {};
      let body: StepInput;
      switch (kind) {
        case 'supplement_requested':
          body = {
            kind,
            reason: reason.trim(),
            ...(lines(items).length > 0 ? { items: lines(items) } : {}),
            ...when,
          };
          break;
        case 'refused':
          body = { kind, reasons: lines(reason), ...when };
          break;
        case 'transferred':
          body = {
            kind,
            from: from.trim(),
            to: to.trim(),
            ...(note.trim() ? { note: note.trim() } : {}),
            ...when,
          };
          break;
        case 'returned':
          body = { kind, method, ...when };
          break;
        case 'apology_issued': {
          const newAppointment = momentIso(newDate, newTime);
          if (!newAppointment) throw new Error('Hãy nhập ngày và giờ hẹn trả mới.');
          body = { kind, newAppointment, reason: reason.trim(), ...when };
          break;
        }
        case 'supplement_received':
        case 'resolved':
        case 'withdrawn':
          body = { kind, ...when };
          break;
      }
      return api.dossierStep(d.id, body);
    },
    onSuccess: async (result: StepResult) => {
      const { ratingUrl, ...detail } = result;
      notifySuccess(`Đã ghi: ${STEP_LABELS[kind]}.`);
      await changed(detail);
      onClose();
      if (kind === 'returned' && ratingUrl) onRatingUrl(ratingUrl);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const valid =
    kind === 'supplement_requested' || kind === 'apology_issued'
      ? reason.trim().length >= 3
      : kind === 'refused'
        ? lines(reason).some((l) => l.length >= 3)
        : kind === 'transferred'
          ? from.trim() !== '' && to.trim() !== ''
          : true;

  return (
    <Modal opened onClose={onClose} title={`${STEP_LABELS[kind]} – ${d.code}`} size="lg">
      <form onSubmit={submit} data-testid="step-form" data-kind={kind}>
        <Stack>
          {kind === 'supplement_requested' && (
            <>
              {d.supplementRequests > 0 && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                  Hồ sơ đã được yêu cầu bổ sung {d.supplementRequests} lần: yêu cầu thêm lần nữa thì hồ sơ bị
                  tính là quá hạn.
                </Alert>
              )}
              <Textarea
                label="Lý do yêu cầu bổ sung, hoàn thiện"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                autosize
                minRows={2}
                maxLength={2000}
                data-autofocus
                data-testid="step-reason"
              />
              <Textarea
                label="Nội dung cần bổ sung"
                description="Mỗi dòng một nội dung (in trên Mẫu 02)"
                value={items}
                onChange={(e) => setItems(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              <Text size="xs" c="dimmed">
                Thời gian người dân bổ sung hồ sơ không tính vào thời hạn giải quyết.
              </Text>
            </>
          )}
          {kind === 'refused' && (
            <Textarea
              label="Lý do từ chối"
              description="Mỗi dòng một lý do (in trên Mẫu 03)"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              data-autofocus
              data-testid="step-reason"
            />
          )}
          {kind === 'transferred' && (
            <>
              <TextInput
                label="Bên giao"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
                required
                maxLength={300}
                data-testid="step-from"
              />
              <TextInput
                label="Bên nhận"
                placeholder="Ví dụ: Công chức Tư pháp – Hộ tịch"
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                required
                maxLength={300}
                data-autofocus
                data-testid="step-to"
              />
              <TextInput
                label="Ghi chú"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={1000}
              />
            </>
          )}
          {kind === 'returned' && (
            <Radio.Group label="Hình thức trả kết quả" value={method} onChange={(v) => setMethod(v)} required>
              <Stack gap="xs" mt={6}>
                {(Object.keys(RETURN_METHOD_LABELS) as ReturnMethod[]).map((m) => (
                  <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m]} data-testid={`step-method-${m}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {kind === 'apology_issued' && (
            <>
              <Text size="sm">
                Hẹn trả hiện tại: <b>{formatDateTime(promise)}</b>. Phiếu xin lỗi phải gửi trước thời điểm
                này, với ngày hẹn mới sau nó.
              </Text>
              <MomentInput
                label="Ngày hẹn trả mới"
                description="Sau ngày hẹn hiện tại"
                date={newDate}
                time={newTime}
                onDate={setNewDate}
                onTime={setNewTime}
                minDate={vnDatePlus(promise, 0)}
                required
                testId="step-new-appointment"
              />
              <Textarea
                label="Lý do chậm trả kết quả"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                autosize
                minRows={2}
                maxLength={2000}
                data-testid="step-reason"
              />
            </>
          )}
          {(kind === 'resolved' || kind === 'supplement_received' || kind === 'withdrawn') && (
            <Text size="sm">
              {kind === 'resolved'
                ? 'Ghi nhận hồ sơ đã có kết quả giải quyết; sau đó trả kết quả cho người nộp.'
                : kind === 'supplement_received'
                  ? 'Ghi nhận người nộp đã bổ sung hồ sơ: thời hạn giải quyết tiếp tục được tính.'
                  : 'Ghi nhận người nộp rút hồ sơ: hồ sơ kết thúc.'}
              {d.endedAt === null && Date.parse(d.appointmentAt) < Date.now() && kind === 'resolved' && (
                <Text span c="red" fw={600}>
                  {' '}
                  Hồ sơ đã quá hẹn trả: sẽ được tính là trễ hạn.
                </Text>
              )}
            </Text>
          )}
          <Checkbox
            label="Ghi thời điểm khác (việc đã làm trước đây)"
            checked={backdated}
            onChange={(e) => setBackdated(e.currentTarget.checked)}
          />
          {backdated && (
            <MomentInput
              label="Thời điểm thực hiện"
              date={atDate}
              time={atTime}
              onDate={setAtDate}
              onTime={setAtTime}
              maxDate={vietnamToday()}
              required
              testId="step-at"
            />
          )}
          {save.isError && <ErrorAlert error={save.error} title="Không ghi được" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!valid}
              color={STEP_COLORS[kind]}
              leftSection={
                kind === 'withdrawn' || kind === 'refused' ? <IconHandStop size={16} /> : STEP_ICONS[kind]
              }
              data-testid="step-submit"
            >
              {kind === 'supplement_received' || kind === 'resolved' || kind === 'withdrawn'
                ? 'Xác nhận'
                : 'Ghi nhận'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Issues the rating link again for a citizen who lost it; the old link stops working. */
function ReissueRatingLinkButton({ id, onRatingUrl }: { id: number; onRatingUrl: (url: string) => void }) {
  const reissue = useMutation({
    mutationFn: () => api.reissueRatingLink(id),
    onSuccess: (r) => onRatingUrl(r.ratingUrl),
    onError: notifyError,
  });
  return (
    <Button
      size="compact-xs"
      variant="light"
      ml="xs"
      loading={reissue.isPending}
      onClick={() => reissue.mutate()}
      title="Cấp liên kết mới; liên kết cũ sẽ hết hiệu lực"
      data-testid="rating-reissue"
    >
      Cấp lại liên kết
    </Button>
  );
}

/**
 * The citizen's rating link, shown once when the result is returned: a QR code to scan at the desk,
 * and the address to copy into a message.
 */
function RatingLinkModal({ url, onClose }: { url: string; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    // The QR encoder loads only here (it is not needed anywhere else).
    import('qrcode')
      .then((m) => m.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  const copy = async () => {
    const ok = await copyText(url, input.current);
    setCopied(ok);
    if (!ok) notifyError(new Error('Không sao chép tự động được: hãy chọn liên kết và sao chép (Ctrl+C).'));
  };
  return (
    <Modal opened onClose={onClose} title="Mời người dân đánh giá" size="md" centered>
      <Stack data-testid="rating-link">
        <Text size="sm">
          Đã trả kết quả. Mời người nộp quét mã hoặc mở liên kết dưới đây để đánh giá mức độ hài lòng (một
          lần).
        </Text>
        <Center>
          <Box
            p="sm"
            bg="white"
            style={{
              border: '3px solid var(--mantine-color-blue-6)',
              borderRadius: 'var(--mantine-radius-md)',
            }}
          >
            {qr ? (
              <Image src={qr} alt="Mã QR của liên kết đánh giá" w={200} h={200} data-testid="rating-qr" />
            ) : (
              <Center w={200} h={200}>
                <IconMoodHappy size={64} color="var(--mantine-color-blue-6)" />
              </Center>
            )}
          </Box>
        </Center>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            ref={input}
            value={url}
            readOnly
            aria-label="Liên kết đánh giá"
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            styles={{ input: { fontWeight: 600 } }}
            data-testid="rating-url"
          />
          <Button
            onClick={() => void copy()}
            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            color={copied ? 'teal' : undefined}
            style={{ flexShrink: 0 }}
            data-testid="rating-copy"
          >
            {copied ? 'Đã chép' : 'Sao chép'}
          </Button>
        </Group>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
          Liên kết chỉ hiện lúc cấp: hãy giao cho người nộp ngay (in, nhắn tin hoặc cho quét mã). Nếu người
          nộp làm mất, bấm "Cấp lại liên kết" trên trang hồ sơ: liên kết cũ sẽ hết hiệu lực.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Đóng
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
