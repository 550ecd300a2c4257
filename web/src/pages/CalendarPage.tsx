import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconBeach, IconCalendarMonth, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MantineColor } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { calendarApi, calendarKeys } from '../api/calendar.js';
import type { CalendarDay, CalendarDue, CalendarMonth, OccurrenceState } from '../api/types.js';
import { CalendarFeedCard } from '../components/CalendarFeedCard.js';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { DueStateBadge, OccurrenceStatusBadge } from '../components/due.js';
import { formatDate, todayIso } from '../lib/format.js';
import { DUE_STATE_LABELS, WEEKDAY_LABELS, WEEKDAY_SHORT } from '../lib/labels.js';
import { useCurrentUser, useUnitScope } from '../session.js';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Columns Monday → Sunday (Vietnamese weeks start on Monday). */
const COLUMNS = [1, 2, 3, 4, 5, 6, 0] as const;
const DUE_SOON_DAYS = 7;
const CELL_ITEMS = 3;

const monthLabel = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
const shiftMonth = (month: string, by: number) => dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');

/** Where an item due in the month stands: its colour in the grid and the list. */
type DueTone = OccurrenceState | 'done' | 'not_applicable';

function toneOf(d: CalendarDue, today: string): DueTone {
  if (d.status === 'done') return 'done';
  if (d.status === 'not_applicable') return 'not_applicable';
  if (d.due < today) return 'overdue';
  return dayjs(d.due).diff(dayjs(today), 'day') <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
}

const TONE_COLORS: Record<DueTone, MantineColor> = {
  overdue: 'red',
  due_soon: 'orange',
  upcoming: 'blue',
  none: 'blue',
  done: 'teal',
  not_applicable: 'gray',
};

const TONE_LABELS: Record<DueTone, string> = {
  ...DUE_STATE_LABELS,
  done: 'Đã hoàn thành',
  not_applicable: 'Không phát sinh',
};

const dueText = (d: CalendarDue) => `${d.taskCode} · ${d.deliverable ? `${d.deliverable}: ` : ''}${d.label}`;

export function CalendarPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const [params, setParams] = useSearchParams();
  const raw = params.get('thang') ?? '';
  const month = MONTH_RE.test(raw) ? raw : todayIso().slice(0, 7);
  const superior = me.unit.hasChildren;
  const [subtree, setSubtree] = useState(superior);
  const withSubtree = superior && subtree;
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const q = useQuery({
    queryKey: calendarKeys.month(scope.unitId, month, withSubtree),
    queryFn: () => calendarApi.month(month, scope.unitId, withSubtree),
    placeholderData: keepPreviousData,
  });
  const go = (m: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('thang', m);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg" data-testid="calendar-page">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>Lịch</Title>
          <Text c="dimmed">
            Các hạn của nhiệm vụ, ngày nghỉ lễ và ngày làm bù ·{' '}
            {q.data?.unit.name ?? scope.unit?.name ?? me.unit.name}
          </Text>
        </div>
        <Button
          component={Link}
          to="/lich/ngay-nghi"
          variant="light"
          leftSection={<IconBeach size={16} />}
          data-testid="holidays-link"
        >
          Ngày nghỉ, làm bù
        </Button>
      </Group>

      <Card withBorder radius="md" padding={wide ? 'md' : 'sm'}>
        <Group justify="space-between" wrap="wrap" gap="sm" mb="md">
          <Group gap={6} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, -1))}
              aria-label="Tháng trước"
              data-testid="calendar-prev"
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Title
              order={3}
              size="h4"
              miw={{ base: 120, sm: 150 }}
              ta="center"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="calendar-month-label"
            >
              {monthLabel(month)}
            </Title>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, 1))}
              aria-label="Tháng sau"
              data-testid="calendar-next"
            >
              <IconChevronRight size={18} />
            </ActionIcon>
            {month !== todayIso().slice(0, 7) && (
              <Button variant="subtle" size="sm" px="xs" onClick={() => go(todayIso().slice(0, 7))}>
                Tháng này
              </Button>
            )}
          </Group>
          {superior && (
            <Switch
              label="Gồm đơn vị cấp dưới"
              checked={subtree}
              onChange={(e) => setSubtree(e.currentTarget.checked)}
              data-testid="calendar-subtree"
            />
          )}
        </Group>
        {q.isPending && <PageLoader />}
        {q.isError && <ErrorAlert error={q.error} title="Không tải được lịch" />}
        {q.data &&
          (wide ? (
            <MonthGrid data={q.data} showUnit={withSubtree} />
          ) : (
            <DayList data={q.data} showUnit={withSubtree} />
          ))}
        <Legend />
      </Card>

      {q.data && wide && <MonthDues data={q.data} showUnit={withSubtree} />}

      <CalendarFeedCard />
    </Stack>
  );
}

function Legend() {
  const swatch = (color: string, label: string, border?: string) => (
    <Group gap={4} wrap="nowrap" key={label}>
      <Box
        w={12}
        h={12}
        style={{
          borderRadius: 3,
          background: color,
          border: border ?? '1px solid var(--mantine-color-gray-4)',
        }}
        aria-hidden
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" mt="sm" wrap="wrap" aria-label="Chú thích">
      {swatch('var(--mantine-color-red-light)', 'Quá hạn', 'none')}
      {swatch('var(--mantine-color-orange-light)', 'Sắp đến hạn', 'none')}
      {swatch('var(--mantine-color-blue-light)', 'Chưa đến hạn', 'none')}
      {swatch('var(--mantine-color-teal-light)', 'Đã hoàn thành', 'none')}
      {swatch('var(--mantine-color-gray-1)', 'Ngày nghỉ')}
      {swatch('var(--mantine-color-red-0)', 'Nghỉ lễ')}
      {swatch('var(--mantine-color-body)', 'Hôm nay', '2px solid var(--mantine-color-blue-6)')}
    </Group>
  );
}

function dayBackground(day: CalendarDay): string | undefined {
  if (day.holiday) return 'var(--mantine-color-red-0)';
  if (day.off) return 'var(--mantine-color-gray-1)';
  return undefined;
}

function DueChip({ d, today, showUnit }: { d: CalendarDue; today: string; showUnit: boolean }) {
  const tone = toneOf(d, today);
  const color = TONE_COLORS[tone];
  return (
    <Anchor
      component={Link}
      to={`/tasks/${d.taskId}`}
      underline="never"
      title={`${d.taskCode}. ${d.taskTitle}${showUnit ? ` (${d.unitName})` : ''} — ${TONE_LABELS[tone]}`}
      data-testid="calendar-due"
      data-task-id={d.taskId}
      data-tone={tone}
      style={{
        display: 'block',
        borderRadius: 4,
        padding: '1px 5px',
        fontSize: 'var(--mantine-font-size-xs)',
        lineHeight: 1.35,
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
        textDecoration: tone === 'not_applicable' ? 'line-through' : undefined,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {showUnit ? `${d.unitCode} · ` : ''}
      {dueText(d)}
    </Anchor>
  );
}

function ToneBadge({ tone, size = 'xs' }: { tone: DueTone; size?: 'xs' | 'sm' }) {
  return tone === 'done' || tone === 'not_applicable' ? (
    <OccurrenceStatusBadge status={tone} size={size} />
  ) : (
    <DueStateBadge state={tone} size={size} />
  );
}

function dayAria(day: CalendarDay, count: number): string {
  const parts = [`${WEEKDAY_LABELS[day.weekday] ?? ''}, ${formatDate(day.date)}`];
  if (day.holiday) parts.push(`nghỉ: ${day.holiday}`);
  else if (day.off) parts.push('ngày nghỉ');
  if (day.makeUpWorkingDay) parts.push(`làm bù: ${day.makeUpWorkingDay}`);
  if (count > 0) parts.push(`${count} hạn`);
  return parts.join(' — ');
}

/** The month as a Monday-first grid (wide screens). */
function MonthGrid({ data, showUnit }: { data: CalendarMonth; showUnit: boolean }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const byDate = groupByDate(data.dues);
  const first = data.days[0];
  const lead = first ? COLUMNS.indexOf(first.weekday as (typeof COLUMNS)[number]) : 0;
  return (
    <div data-testid="calendar-grid">
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4} mb={4} aria-hidden>
        {COLUMNS.map((w) => (
          <Text key={w} size="xs" fw={600} c={w === 0 || w === 6 ? 'red.7' : 'dimmed'} ta="center">
            {WEEKDAY_LABELS[w]}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {Array.from({ length: Math.max(lead, 0) }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {data.days.map((day) => {
          const dues = byDate.get(day.date) ?? [];
          const isToday = day.date === data.today;
          const open = expanded === day.date;
          const shown = open ? dues : dues.slice(0, CELL_ITEMS);
          return (
            <Paper
              key={day.date}
              withBorder
              radius="sm"
              p={6}
              mih={104}
              bg={dayBackground(day)}
              aria-label={dayAria(day, dues.length)}
              data-testid="calendar-day"
              data-date={day.date}
              data-off={day.off}
              data-today={isToday || undefined}
              style={
                isToday ? { outline: '2px solid var(--mantine-color-blue-6)', outlineOffset: -1 } : undefined
              }
            >
              <Group justify="space-between" gap={4} wrap="nowrap" mb={2}>
                <Text
                  size="sm"
                  fw={isToday ? 700 : 500}
                  c={isToday ? 'white' : day.off ? 'red.7' : undefined}
                  bg={isToday ? 'blue.6' : undefined}
                  w={24}
                  h={24}
                  ta="center"
                  lh="24px"
                  style={{ borderRadius: '50%', flexShrink: 0 }}
                >
                  {Number(day.date.slice(8))}
                </Text>
                {day.makeUpWorkingDay && (
                  <Tooltip label={day.makeUpWorkingDay} withArrow>
                    <Badge size="xs" color="violet" variant="light" data-testid="makeup-badge">
                      Làm bù
                    </Badge>
                  </Tooltip>
                )}
              </Group>
              {day.holiday && (
                <Text size="xs" c="red.7" lh={1.25} mb={2} lineClamp={2} title={day.holiday}>
                  {day.holiday}
                </Text>
              )}
              <Stack gap={2}>
                {shown.map((d) => (
                  <DueChip key={d.occurrenceId} d={d} today={data.today} showUnit={showUnit} />
                ))}
                {dues.length > CELL_ITEMS && (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    onClick={() => setExpanded(open ? null : day.date)}
                  >
                    {open ? 'Thu gọn' : `+${dues.length - CELL_ITEMS} hạn nữa`}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </div>
  );
}

function groupByDate(dues: CalendarDue[]): Map<string, CalendarDue[]> {
  const m = new Map<string, CalendarDue[]>();
  for (const d of [...dues].sort((a, b) => a.taskCode.localeCompare(b.taskCode, 'vi', { numeric: true })))
    m.set(d.due, [...(m.get(d.due) ?? []), d]);
  return m;
}

/** On a phone: the month's noteworthy days (today, days off, make-up days, days with dues) as a list. */
function DayList({ data, showUnit }: { data: CalendarMonth; showUnit: boolean }) {
  const byDate = groupByDate(data.dues);
  const days = data.days.filter(
    (d) => byDate.has(d.date) || d.holiday || d.makeUpWorkingDay || d.date === data.today,
  );
  const hiddenOff = data.days.filter((d) => d.off && !days.includes(d)).length;
  return (
    <Stack gap={6} data-testid="calendar-day-list">
      {days.length === 0 && <EmptyText>Tháng này không có hạn nào và không có ngày lễ.</EmptyText>}
      {days.map((day) => {
        const dues = byDate.get(day.date) ?? [];
        const isToday = day.date === data.today;
        return (
          <Paper
            key={day.date}
            withBorder
            radius="sm"
            p="xs"
            bg={dayBackground(day)}
            data-testid="calendar-day"
            data-date={day.date}
            data-off={day.off}
            data-today={isToday || undefined}
            style={isToday ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} align="center" w={40} style={{ flexShrink: 0 }}>
                <Text size="xs" c={day.off ? 'red.7' : 'dimmed'} fw={500}>
                  {WEEKDAY_SHORT[day.weekday]}
                </Text>
                <Text size="lg" fw={700} c={isToday ? 'blue.7' : day.off ? 'red.7' : undefined} lh={1.1}>
                  {Number(day.date.slice(8))}
                </Text>
              </Stack>
              <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="wrap">
                  {isToday && (
                    <Badge size="xs" color="blue">
                      Hôm nay
                    </Badge>
                  )}
                  {day.holiday && (
                    <Text size="xs" c="red.7" fw={500}>
                      {day.holiday}
                    </Text>
                  )}
                  {day.makeUpWorkingDay && (
                    <Badge size="xs" color="violet" variant="light" data-testid="makeup-badge">
                      Làm bù
                    </Badge>
                  )}
                  {day.makeUpWorkingDay && (
                    <Text size="xs" c="dimmed">
                      {day.makeUpWorkingDay}
                    </Text>
                  )}
                </Group>
                {dues.map((d) => (
                  <div key={d.occurrenceId} style={{ minWidth: 0 }}>
                    <DueChip d={d} today={data.today} showUnit={showUnit} />
                    <Group gap={6} wrap="nowrap" align="flex-start" mt={1}>
                      <Text size="xs" c="dimmed" lineClamp={2} style={{ flex: 1, minWidth: 0 }}>
                        {d.taskTitle}
                        {showUnit ? ` · ${d.unitName}` : ''}
                      </Text>
                      <ToneBadge tone={toneOf(d, data.today)} />
                    </Group>
                  </div>
                ))}
                {dues.length === 0 && !day.holiday && !day.makeUpWorkingDay && (
                  <Text size="xs" c="dimmed">
                    Không có hạn.
                  </Text>
                )}
              </Stack>
            </Group>
          </Paper>
        );
      })}
      <Text size="xs" c="dimmed">
        Tháng có {data.dues.length} hạn. Danh sách chỉ hiện hôm nay, ngày lễ, ngày làm bù và ngày có hạn
        {hiddenOff > 0 ? ` (${hiddenOff} ngày nghỉ cuối tuần không hiện)` : ''}.
      </Text>
    </Stack>
  );
}

/** Below the grid: the month's due items as a table. */
function MonthDues({ data, showUnit }: { data: CalendarMonth; showUnit: boolean }) {
  const dues = [...data.dues].sort(
    (a, b) => a.due.localeCompare(b.due) || a.taskCode.localeCompare(b.taskCode, 'vi', { numeric: true }),
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="month-dues">
      <Group gap="xs" mb="sm">
        <IconCalendarMonth size={18} />
        <Title order={3} size="h4">
          Các hạn trong {monthLabel(data.month).toLowerCase()} ({dues.length})
        </Title>
      </Group>
      {dues.length === 0 ? (
        <EmptyText>Không có hạn nào trong tháng.</EmptyText>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>Hạn</Table.Th>
              <Table.Th>Nhiệm vụ</Table.Th>
              <Table.Th w={220}>Kỳ</Table.Th>
              {showUnit && <Table.Th w={200}>Đơn vị</Table.Th>}
              <Table.Th w={150}>Tình trạng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dues.map((d) => {
              const tone = toneOf(d, data.today);
              return (
                <Table.Tr key={d.occurrenceId} data-testid="month-due-item" data-task-id={d.taskId}>
                  <Table.Td>
                    <Text size="sm">{formatDate(d.due)}</Text>
                    <Text size="xs" c="dimmed">
                      {WEEKDAY_LABELS[dayjs(d.due).day()]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tasks/${d.taskId}`} size="sm" fw={500}>
                      {d.taskCode}. {d.taskTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {d.deliverable ? `${d.deliverable}: ` : ''}
                      {d.label}
                    </Text>
                  </Table.Td>
                  {showUnit && (
                    <Table.Td>
                      <Text size="sm">{d.unitName}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <ToneBadge tone={tone} size="sm" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
