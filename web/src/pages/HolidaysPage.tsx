import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconCopy,
  IconDeviceFloppy,
  IconFileImport,
  IconInfoCircle,
  IconPlus,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.js';
import { calendarApi, calendarKeys } from '../api/calendar.js';
import { calendarChanged } from '../api/changes.js';
import type { ScheduleEntry, ScheduleVersion } from '../api/types.js';
import { EmptyText, ErrorAlert, notifySuccess, PageLoader } from '../components/common.js';
import { formatDate, formatDateTime, parseVnDate, todayIso } from '../lib/format.js';
import { HOLIDAY_KIND_COLORS, HOLIDAY_KIND_LABELS, WEEKDAY_LABELS } from '../lib/labels.js';
import { permissions, useCurrentUser, useUnits, useUnitScope } from '../session.js';

const weekday = (date: string) => WEEKDAY_LABELS[dayjs(date).day()] ?? '';

/** After a schedule changed: every view computed from it. */
function useScheduleChanged() {
  const qc = useQueryClient();
  return () => calendarChanged(qc);
}

export function HolidaysPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // Only the administrators of a top-level unit edit the national schedule (the server checks too).
  const units = useUnits();
  const ownUnit = units.data?.find((u) => u.id === me.unit.id);
  const isAdmin = permissions(me).manageHolidays && ownUnit !== undefined && ownUnit.parentId === null;
  const years = Array.from({ length: 9 }, (_, i) => String(thisYear - 5 + i));
  const cal = useQuery({
    queryKey: calendarKeys.year(scope.unitId, year),
    queryFn: () => calendarApi.year(year, scope.unitId),
    placeholderData: keepPreviousData,
  });
  const versions = useQuery({
    queryKey: calendarKeys.scheduleVersions(year),
    queryFn: () => calendarApi.scheduleVersions(year),
  });
  const active = versions.data?.find((v) => v.status === 'active');
  const [template, setTemplate] = useState<ScheduleVersion | null>(null);

  return (
    <Stack gap="lg" data-testid="holidays-page">
      <Breadcrumbs>
        <Anchor component={Link} to="/lich" size="sm">
          Lịch
        </Anchor>
        <Text size="sm">Ngày nghỉ, làm bù</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Ngày nghỉ lễ, nghỉ bù và làm bù</Title>
          <Text c="dimmed">
            Theo Bộ luật Lao động 2019 (điều 112) và lịch nghỉ Chính phủ công bố hằng năm ·{' '}
            {scope.unit?.name ?? me.unit.name}
          </Text>
        </div>
        <Select
          label="Năm"
          data={years.includes(String(year)) ? years : [String(year), ...years]}
          value={String(year)}
          onChange={(v) => {
            if (!v) return;
            setYear(Number(v));
            setTemplate(null);
          }}
          allowDeselect={false}
          w={120}
          data-testid="holidays-year"
        />
      </Group>

      {cal.isPending && <PageLoader />}
      {cal.isError && <ErrorAlert error={cal.error} />}
      {cal.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder radius="md" padding="md" h="100%">
              <Title order={3} size="h4" mb="sm">
                Ngày nghỉ năm {cal.data.year} ({cal.data.holidays.length})
              </Title>
              {cal.data.holidays.length === 0 ? (
                <EmptyText>Không có ngày nghỉ lễ.</EmptyText>
              ) : (
                <Table.ScrollContainer minWidth={560}>
                  <Table verticalSpacing={6} striped data-testid="holiday-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={110}>Ngày</Table.Th>
                        <Table.Th w={90}>Thứ</Table.Th>
                        <Table.Th>Tên</Table.Th>
                        <Table.Th w={190}>Loại</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cal.data.holidays.map((h) => (
                        <Table.Tr key={`${h.date}-${h.name}`} data-testid="holiday-row" data-date={h.date}>
                          <Table.Td>{formatDate(h.date)}</Table.Td>
                          <Table.Td>{weekday(h.date)}</Table.Td>
                          <Table.Td>{h.name}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={HOLIDAY_KIND_COLORS[h.kind]}>
                              {HOLIDAY_KIND_LABELS[h.kind]}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card withBorder radius="md" padding="md" h="100%">
              <Title order={3} size="h4" mb="sm">
                Ngày làm bù ({cal.data.workingDays.length})
              </Title>
              {cal.data.workingDays.length === 0 ? (
                <EmptyText>Năm {cal.data.year} không có ngày làm bù.</EmptyText>
              ) : (
                <Stack gap={6} data-testid="workday-list">
                  {cal.data.workingDays.map((w) => (
                    <Paper key={w.date} withBorder p="xs" radius="sm" data-testid="workday-row">
                      <Text size="sm" fw={500}>
                        {weekday(w.date)}, {formatDate(w.date)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {w.name}
                      </Text>
                    </Paper>
                  ))}
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}

      <Card withBorder radius="md" padding="md" data-testid="schedule-versions">
        <Title order={3} size="h4" mb={4}>
          Lịch nghỉ, làm bù công bố năm {year}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Mỗi lần lưu tạo một phiên bản mới; phiên bản mới nhất được áp dụng.
        </Text>
        {versions.isPending && <PageLoader />}
        {versions.isError && <ErrorAlert error={versions.error} />}
        {versions.data && versions.data.length === 0 && (
          <EmptyText>Chưa có lịch công bố cho năm {year}: chỉ áp dụng các ngày nghỉ lễ theo luật.</EmptyText>
        )}
        {versions.data && versions.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>Phiên bản</Table.Th>
                  <Table.Th w={150}>Người lưu</Table.Th>
                  <Table.Th w={140}>Ngày lưu</Table.Th>
                  <Table.Th>Căn cứ</Table.Th>
                  <Table.Th w={150}>Trạng thái</Table.Th>
                  {isAdmin && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.map((v) => (
                  <Table.Tr key={v.id} data-testid="schedule-version-row">
                    <Table.Td>{v.version}</Table.Td>
                    <Table.Td>{v.author ?? 'Hệ thống'}</Table.Td>
                    <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {v.source ?? '—'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {v.daysOff.length} ngày nghỉ, {v.workingDays.length} ngày làm bù
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={v.status === 'active' ? 'teal' : 'gray'} variant="light">
                        {v.status === 'active' ? 'Đang áp dụng' : 'Đã thay thế'}
                      </Badge>
                    </Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        <Tooltip label="Dùng làm mẫu cho phiên bản mới">
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setTemplate(v)}
                            aria-label={`Dùng phiên bản ${v.version} làm mẫu`}
                          >
                            <IconCopy size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {isAdmin ? (
        versions.data && (
          <ScheduleEditor
            key={`${year}-${(template ?? active)?.id ?? 'new'}`}
            year={year}
            base={template ?? active ?? null}
          />
        )
      ) : (
        <Alert
          color="gray"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          data-testid="schedule-readonly"
        >
          Chỉ quản trị viên của đơn vị cấp cao nhất mới sửa được lịch nghỉ, làm bù hằng năm. Các ngày trên
          được áp dụng cho mọi đơn vị khi tính hạn.
        </Alert>
      )}
      {isAdmin && <ImportBox />}
    </Stack>
  );
}

interface Row {
  key: number;
  date: string | null;
  name: string;
}

let rowSeq = 0;
const toRows = (list: ScheduleEntry[]): Row[] =>
  list.map((e) => ({ key: ++rowSeq, date: e.date, name: e.name }));

function RowsEditor({
  title,
  rows,
  setRows,
  year,
  addLabel,
  namePlaceholder,
  testId,
}: {
  title: string;
  rows: Row[];
  setRows: (fn: (rows: Row[]) => Row[]) => void;
  year: number;
  addLabel: string;
  namePlaceholder: string;
  testId: string;
}) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Text fw={500} size="sm">
        {title}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Chưa có dòng nào.
        </Text>
      )}
      {rows.map((r, i) => (
        <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="schedule-row">
          <DateInput
            aria-label={`${title}: ngày, dòng ${i + 1}`}
            value={r.date}
            onChange={(v) => setRows((list) => list.map((x) => (x.key === r.key ? { ...x, date: v } : x)))}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            minDate={`${year}-01-01`}
            maxDate={`${year}-12-31`}
            defaultDate={`${year}-01-01`}
            w={140}
            style={{ flexShrink: 0 }}
          />
          <TextInput
            aria-label={`${title}: tên, dòng ${i + 1}`}
            placeholder={namePlaceholder}
            value={r.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setRows((list) => list.map((x) => (x.key === r.key ? { ...x, name } : x)));
            }}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
          />
          <ActionIcon
            variant="light"
            color="red"
            size="lg"
            onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
            aria-label={`Bỏ dòng ${i + 1}`}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRows((list) => [...list, { key: ++rowSeq, date: null, name: '' }])}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** A new version of the year's announced schedule, starting from the one in force (or a chosen one). */
function ScheduleEditor({ year, base }: { year: number; base: ScheduleVersion | null }) {
  const changed = useScheduleChanged();
  const [daysOff, setDaysOff] = useState<Row[]>(() => toRows(base?.daysOff ?? []));
  const [workingDays, setWorkingDays] = useState<Row[]>(() => toRows(base?.workingDays ?? []));
  const [source, setSource] = useState(base?.source ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { daysOff: ScheduleEntry[]; workingDays: ScheduleEntry[] }) =>
      calendarApi.saveSchedule(year, { ...body, source: source.trim() || null }),
    onSuccess: async ({ version }) => {
      notifySuccess(`Đã lưu lịch nghỉ, làm bù năm ${year} (phiên bản ${version}).`);
      await changed();
    },
  });
  const entries = (rows: Row[], what: string): ScheduleEntry[] | string => {
    const out: ScheduleEntry[] = [];
    for (const [i, r] of rows.entries()) {
      if (!r.date) return `${what}, dòng ${i + 1}: chưa chọn ngày.`;
      if (!r.date.startsWith(`${year}-`))
        return `${what}, dòng ${i + 1}: ngày ${formatDate(r.date)} không thuộc năm ${year}.`;
      if (!r.name.trim()) return `${what}, dòng ${i + 1}: chưa có tên.`;
      out.push({ date: r.date, name: r.name.trim() });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const off = entries(daysOff, 'Ngày nghỉ');
    const work = entries(workingDays, 'Ngày làm bù');
    if (typeof off === 'string' || typeof work === 'string') {
      setProblem(typeof off === 'string' ? off : (work as string));
      return;
    }
    setProblem(null);
    save.mutate({ daysOff: off, workingDays: work });
  };
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="form"
      onSubmit={submit}
      data-testid="schedule-editor"
    >
      <Title order={3} size="h4" mb={4}>
        Soạn phiên bản mới cho năm {year}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {base ? `Bắt đầu từ phiên bản ${base.version}. ` : 'Năm này chưa có lịch công bố. '}
        Chỉ ghi các ngày khác với luật: ngày nghỉ thêm (hoán đổi) và ngày làm bù; các ngày lễ theo luật và
        nghỉ bù được tính tự động.
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <RowsEditor
            title="Ngày nghỉ thêm"
            rows={daysOff}
            setRows={setDaysOff}
            year={year}
            addLabel="Thêm ngày nghỉ"
            namePlaceholder="Ví dụ: Nghỉ hoán đổi dịp Tết Dương lịch"
            testId="editor-days-off"
          />
          <RowsEditor
            title="Ngày làm bù"
            rows={workingDays}
            setRows={setWorkingDays}
            year={year}
            addLabel="Thêm ngày làm bù"
            namePlaceholder="Ví dụ: Làm bù cho thứ Sáu 02/01"
            testId="editor-working-days"
          />
        </SimpleGrid>
        <Textarea
          label="Căn cứ"
          description="Văn bản công bố: số, ngày, cơ quan ban hành"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={1000}
        />
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {save.isError && <ErrorAlert error={save.error} title="Không lưu được lịch" />}
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={16} />}
            data-testid="schedule-save"
          >
            Lưu phiên bản mới
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const SAMPLE = `ngay,loai,ten
2026-01-02,nghỉ,Nghỉ hoán đổi dịp Tết Dương lịch
10/01/2026,làm bù,Làm bù cho thứ Sáu 02/01`;

/** The row-by-row problems the server lists when it refuses a file. */
function problemsOf(err: unknown): string[] {
  if (err instanceof ApiError && Array.isArray(err.details))
    return err.details.filter((d): d is string => typeof d === 'string');
  return [];
}

/** Pasted or chosen CSV/JSON → import-text: every row is checked, nothing is saved unless all are right. */
function ImportBox() {
  const changed = useScheduleChanged();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => calendarApi.importScheduleText(text, source.trim() || null),
    onSuccess: async ({ saved }) => {
      notifySuccess(
        `Đã nhập lịch: ${saved.map((s) => `năm ${s.year} (phiên bản ${s.version})`).join(', ')}.`,
      );
      setText('');
      setFile(null);
      await changed();
    },
  });
  const choose = async (f: File | null) => {
    setFile(f);
    setReadError(null);
    if (!f) return;
    try {
      setText(await f.text());
      if (!source.trim()) setSource(f.name);
    } catch {
      setReadError('Không đọc được tệp này.');
    }
  };
  const problems = run.isError ? problemsOf(run.error) : [];
  return (
    <Card withBorder radius="md" padding="md" data-testid="schedule-import">
      <Group gap="xs" mb={4}>
        <IconFileImport size={18} />
        <Title order={3} size="h4">
          Nhập lịch từ tệp
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Dán nội dung hoặc chọn tệp CSV (cột <code>ngay,loai,ten</code>; loại là “nghỉ” hoặc “làm bù”; ngày
        dạng dd/MM/yyyy hoặc yyyy-MM-dd) hoặc JSON. Có thể gồm nhiều năm; mỗi năm thành một phiên bản mới. Có
        dòng sai thì không lưu gì.
      </Text>
      <Stack gap="sm">
        <FileInput
          label="Chọn tệp"
          placeholder="Tệp .csv hoặc .json"
          accept=".csv,.json,.txt,text/csv,application/json,text/plain"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          leftSection={<IconUpload size={16} />}
          error={readError}
          data-testid="schedule-import-file"
        />
        <Textarea
          label="Nội dung"
          placeholder={SAMPLE}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="schedule-import-text"
        />
        <TextInput
          label="Căn cứ"
          placeholder="Ví dụ: Thông báo số … của Bộ Nội vụ"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          maxLength={1000}
        />
        {run.isError && (
          <Alert
            color="red"
            variant="light"
            title="Chưa nhập được"
            role="alert"
            data-testid="schedule-import-errors"
          >
            {problems.length > 0 ? (
              <>
                <Text size="sm" mb={4}>
                  Có {problems.length} dòng cần sửa (chưa lưu gì):
                </Text>
                <List size="sm" spacing={2}>
                  {problems.map((p, i) => (
                    <List.Item key={i}>{p}</List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text size="sm">{run.error instanceof Error ? run.error.message : 'Đã xảy ra lỗi.'}</Text>
            )}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => run.mutate()}
            disabled={!text.trim()}
            loading={run.isPending}
            leftSection={<IconFileImport size={16} />}
            data-testid="schedule-import-submit"
          >
            Nhập lịch
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
