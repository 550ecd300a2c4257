import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconExternalLink, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyText, ErrorAlert, notifyError, notifySuccess, PageLoader } from '../components/common.js';
import { SubtreeSwitch, useDossierScope } from '../components/dossier.js';
import {
  DueBadge,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUS_FILTERS,
  FeedbackStatusBadge,
  feedbackApi,
  formatRate,
} from '../components/feedback.js';
import type { FeedbackListItem, FeedbackTemplate } from '../components/feedback.js';
import { formatDate, formatDateTime, todayIso } from '../lib/format.js';

/** The PAKN register of the viewed unit: items with their due state, due lists, templates, limits, figures. */
export function FeedbackPage() {
  const scope = useDossierScope();
  const [tab, setTab] = useState<string | null>('register');
  const [subtree, setSubtree] = useState(false);
  const withSubtree = subtree && scope.hasBelow;
  const [entering, setEntering] = useState(false);
  const due = useQuery({
    queryKey: ['feedback-due', scope.unitId, withSubtree],
    queryFn: () => feedbackApi.due(scope.unitId, withSubtree),
  });
  const dueCount = (due.data?.overdue.length ?? 0) + (due.data?.dueSoon.length ?? 0);

  return (
    <Stack gap="lg" data-testid="feedback-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Phản ánh, kiến nghị</Title>
          <Text c="dimmed">Sổ theo dõi phản ánh, kiến nghị của {scope.unitName}</Text>
        </div>
        <Group gap="xs">
          <Button
            component="a"
            href="/phan-anh/cong-khai"
            target="_blank"
            variant="default"
            leftSection={<IconExternalLink size={16} />}
          >
            Trang công khai
          </Button>
          {scope.canHandle && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEntering(true)}
              data-testid="feedback-enter"
            >
              Ghi phản ánh
            </Button>
          )}
        </Group>
      </Group>
      {scope.hasBelow && <SubtreeSwitch checked={subtree} onChange={setSubtree} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="register">Sổ phản ánh</Tabs.Tab>
          <Tabs.Tab
            value="due"
            leftSection={
              dueCount > 0 ? <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" /> : undefined
            }
            data-testid="feedback-tab-due"
          >
            Quá hạn, sắp đến hạn{dueCount > 0 ? ` (${dueCount})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="figures">Số liệu</Tabs.Tab>
          <Tabs.Tab value="templates">Mẫu trả lời</Tabs.Tab>
          <Tabs.Tab value="settings">Thời hạn</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Register unitId={scope.unitId} subtree={withSubtree} />
        </Tabs.Panel>
        <Tabs.Panel value="due" pt="md">
          {due.isPending ? (
            <PageLoader />
          ) : due.isError ? (
            <ErrorAlert error={due.error} />
          ) : (
            <Stack>
              <Title order={4}>Quá hạn</Title>
              <ItemTable items={due.data.overdue} empty="Không có phản ánh quá hạn." />
              <Title order={4}>Sắp đến hạn (trong 2 ngày làm việc)</Title>
              <ItemTable items={due.data.dueSoon} empty="Không có phản ánh sắp đến hạn." />
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="md">
          <Figures unitId={scope.unitId} subtree={withSubtree} />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <Templates unitId={scope.unitId} canEdit={scope.canHandle} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <Settings unitId={scope.unitId} canEdit={scope.canHandle} />
        </Tabs.Panel>
      </Tabs>
      {entering && <EnterModal unitId={scope.unitId} onClose={() => setEntering(false)} />}
    </Stack>
  );
}

function Register({ unitId, subtree }: { unitId: number; subtree: boolean }) {
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const list = useQuery({
    queryKey: ['feedback', unitId, subtree, status, debounced],
    queryFn: () => feedbackApi.list({ unitId, subtree, status, q: debounced }),
  });
  return (
    <Stack>
      <Group wrap="wrap">
        <Select
          placeholder="Mọi trạng thái"
          data={FEEDBACK_STATUS_FILTERS}
          value={status}
          onChange={setStatus}
          clearable
          aria-label="Lọc theo trạng thái"
          w={220}
        />
        <TextInput
          placeholder="Mã, tiêu đề, mã Cổng 1022…"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          aria-label="Tìm phản ánh"
          w={280}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <ItemTable items={list.data} empty="Chưa có phản ánh, kiến nghị nào." />
      )}
    </Stack>
  );
}

function ItemTable({ items, empty }: { items: FeedbackListItem[]; empty: string }) {
  if (items.length === 0) return <EmptyText>{empty}</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="feedback-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mã</Table.Th>
            <Table.Th>Tiêu đề</Table.Th>
            <Table.Th>Người gửi</Table.Th>
            <Table.Th>Nguồn</Table.Th>
            <Table.Th>Tiếp nhận</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th>Hạn bước hiện tại</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id} data-testid="feedback-row" data-code={f.code}>
              <Table.Td>
                <Anchor component={Link} to={`/pakn/${f.id}`} size="sm" fw={600}>
                  {f.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {f.title}
                </Text>
              </Table.Td>
              <Table.Td>{f.senderName}</Table.Td>
              <Table.Td>
                <Text size="sm">{f.sourceLabel}</Text>
                {f.externalCode && (
                  <Text size="xs" c="dimmed">
                    {f.externalCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(f.receivedAt)}</Table.Td>
              <Table.Td>
                <FeedbackStatusBadge item={f} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {f.dueAt && <Text size="sm">{formatDateTime(f.dueAt)}</Text>}
                  <DueBadge item={f} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figures({ unitId, subtree }: { unitId: number; subtree: boolean }) {
  const year = todayIso().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIso());
  const fig = useQuery({
    queryKey: ['feedback-figures', unitId, subtree, from, to],
    queryFn: () => feedbackApi.figures(unitId, from, to, subtree),
  });
  return (
    <Stack>
      <Group>
        <TextInput
          type="date"
          label="Từ ngày"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput type="date" label="Đến ngày" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {fig.isPending ? (
        <PageLoader />
      ) : fig.isError ? (
        <ErrorAlert error={fig.error} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {[
            ['Xử lý, trả lời đúng hạn', fig.data.rates.answeredOnTime],
            ['Công khai kết quả trả lời', fig.data.rates.published],
          ].map(([label, f]) => {
            const figure = f as typeof fig.data.rates.published;
            return (
              <Card withBorder key={label as string}>
                <Text c="dimmed" size="sm">
                  {label as string}
                </Text>
                <Text fz={32} fw={700}>
                  {formatRate(figure)}
                </Text>
                <Text size="sm">
                  {figure.numerator}/{figure.denominator}
                </Text>
                <Text size="xs" c="dimmed">
                  {figure.definition}
                </Text>
              </Card>
            );
          })}
          <Card withBorder>
            <Text size="sm">
              Tiếp nhận trong kỳ: {fig.data.counts.total} (thuộc thẩm quyền: {fig.data.counts.received})
            </Text>
            <Text size="sm">
              Không thụ lý: {fig.data.counts.notAccepted} · Chuyển cơ quan khác: {fig.data.counts.forwarded}
            </Text>
            <Text size="sm">
              Đã trả lời: {fig.data.counts.answered} · Đã công khai: {fig.data.counts.published}
            </Text>
            <Text size="sm">
              Đang xử lý: {fig.data.counts.open} · Quá hạn: {fig.data.counts.overdue}
            </Text>
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Templates({ unitId, canEdit }: { unitId: number; canEdit: boolean }) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['feedback-templates', unitId],
    queryFn: () => feedbackApi.templates(unitId),
  });
  const [editing, setEditing] = useState<Partial<FeedbackTemplate> | null>(null);
  const save = useMutation({
    mutationFn: (t: Partial<FeedbackTemplate>) =>
      feedbackApi.saveTemplate({ unitId, title: t.title ?? '', body: t.body ?? '' }, t.id),
    onSuccess: () => {
      notifySuccess('Đã lưu mẫu trả lời.');
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['feedback-templates'] });
    },
    onError: (e) => notifyError(e),
  });
  const remove = useMutation({
    mutationFn: (id: number) => feedbackApi.removeTemplate(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['feedback-templates'] }),
    onError: (e) => notifyError(e),
  });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setEditing({ title: '', body: '' })}
          >
            Thêm mẫu trả lời
          </Button>
        </Group>
      )}
      {list.data.length === 0 && <EmptyText>Chưa có mẫu trả lời.</EmptyText>}
      {list.data.map((t) => (
        <Paper withBorder p="sm" key={t.id}>
          <Group justify="space-between">
            <Text fw={600}>{t.title}</Text>
            {canEdit && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(t)}>
                  Sửa
                </Button>
                <Button size="xs" color="red" variant="subtle" onClick={() => remove.mutate(t.id)}>
                  Bỏ
                </Button>
              </Group>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t.body}
          </Text>
        </Paper>
      ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Mẫu trả lời" size="lg">
        {editing && (
          <Stack>
            <TextInput
              label="Tên mẫu"
              value={editing.title ?? ''}
              onChange={(e) => setEditing({ ...editing, title: e.currentTarget.value })}
            />
            <Textarea
              label="Nội dung"
              autosize
              minRows={6}
              value={editing.body ?? ''}
              onChange={(e) => setEditing({ ...editing, body: e.currentTarget.value })}
            />
            <Button loading={save.isPending} onClick={() => save.mutate(editing)}>
              Lưu
            </Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function Settings({ unitId, canEdit }: { unitId: number; canEdit: boolean }) {
  const qc = useQueryClient();
  const s = useQuery({
    queryKey: ['feedback-settings', unitId],
    queryFn: () => feedbackApi.settings(unitId),
  });
  const [v, setV] = useState({ classifyDays: 2, forwardDays: 5, answerDays: 15, publishDays: 2 });
  useEffect(() => {
    if (s.data)
      setV({
        classifyDays: s.data.classifyDays,
        forwardDays: s.data.forwardDays,
        answerDays: s.data.answerDays,
        publishDays: s.data.publishDays,
      });
  }, [s.data]);
  const save = useMutation({
    mutationFn: () => feedbackApi.saveSettings({ unitId, ...v }),
    onSuccess: () => {
      notifySuccess('Đã lưu thời hạn. Phản ánh đã tiếp nhận giữ thời hạn cũ.');
      void qc.invalidateQueries({ queryKey: ['feedback-settings'] });
    },
    onError: (e) => notifyError(e),
  });
  if (s.isPending) return <PageLoader />;
  if (s.isError) return <ErrorAlert error={s.error} />;
  const field = (key: keyof typeof v, label: string) => (
    <NumberInput
      label={label}
      suffix=" ngày làm việc"
      min={1}
      max={60}
      value={v[key]}
      disabled={!canEdit}
      onChange={(n) => setV({ ...v, [key]: Number(n) || 1 })}
    />
  );
  return (
    <Stack maw={480}>
      <Alert variant="light">
        Thời hạn tính theo ngày làm việc của lịch đơn vị (Nghị định 20/2008/NĐ-CP). Mặc định: phân loại, trả
        lời không thụ lý 2 ngày; chuyển cơ quan có thẩm quyền 5 ngày; trả lời 15 ngày; công khai 2 ngày sau
        khi duyệt.
        {s.data.inheritedFrom === 'default'
          ? ' Đơn vị đang dùng thời hạn mặc định.'
          : s.data.inheritedFrom === 'own'
            ? ' Đơn vị đã đặt thời hạn riêng.'
            : ' Đơn vị dùng thời hạn của đơn vị cấp trên.'}
      </Alert>
      {field('classifyDays', 'Phân loại, trả lời không thụ lý')}
      {field('forwardDays', 'Chuyển cơ quan có thẩm quyền')}
      {field('answerDays', 'Xử lý, trả lời')}
      {field('publishDays', 'Công khai sau khi duyệt')}
      {canEdit && (
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          Lưu thời hạn
        </Button>
      )}
    </Stack>
  );
}

function EnterModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState({
    source: 'phone',
    externalCode: '',
    receivedDate: todayIso(),
    name: '',
    address: '',
    phone: '',
    email: '',
    idNumber: '',
    title: '',
    content: '',
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const save = useMutation({
    mutationFn: () =>
      feedbackApi.enter({
        unitId,
        source: v.source,
        externalCode: v.externalCode || null,
        ...(v.receivedDate && v.receivedDate !== todayIso()
          ? { receivedAt: `${v.receivedDate}T08:00:00+07:00` }
          : {}),
        sender: {
          name: v.name,
          address: v.address,
          phone: v.phone,
          email: v.email || null,
          idNumber: v.idNumber || null,
        },
        title: v.title,
        content: v.content,
      }),
    onSuccess: (d) => {
      notifySuccess(`Đã ghi phản ánh ${d.code}.`);
      void qc.invalidateQueries({ queryKey: ['feedback'] });
      void navigate(`/pakn/${d.id}`);
    },
    onError: (e) => notifyError(e, 'Không ghi được phản ánh'),
  });
  return (
    <Modal opened onClose={onClose} title="Ghi phản ánh nhận qua điện thoại, thư, cổng 1022" size="lg">
      <Stack>
        <Group grow>
          <Select
            label="Nguồn"
            data={FEEDBACK_SOURCES}
            value={v.source}
            onChange={(s) => setV({ ...v, source: s ?? 'phone' })}
            allowDeselect={false}
          />
          <TextInput
            label="Mã trên cổng / số văn bản"
            value={v.externalCode}
            onChange={set('externalCode')}
          />
        </Group>
        <TextInput type="date" label="Ngày nhận" value={v.receivedDate} onChange={set('receivedDate')} />
        <Group grow>
          <TextInput label="Họ và tên" required value={v.name} onChange={set('name')} />
          <TextInput label="Số điện thoại" required value={v.phone} onChange={set('phone')} />
        </Group>
        <TextInput label="Địa chỉ" required value={v.address} onChange={set('address')} />
        <Group grow>
          <TextInput label="Thư điện tử" value={v.email} onChange={set('email')} />
          <TextInput label="Số định danh cá nhân" value={v.idNumber} onChange={set('idNumber')} />
        </Group>
        <TextInput label="Tiêu đề" required value={v.title} onChange={set('title')} />
        <Textarea
          label="Nội dung"
          required
          autosize
          minRows={4}
          value={v.content}
          onChange={set('content')}
        />
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          Ghi vào sổ
        </Button>
      </Stack>
    </Modal>
  );
}
