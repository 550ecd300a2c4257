import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { calendarApi, calendarKeys } from '../api/calendar.js';
import { calendarChanged } from '../api/changes.js';
import type { CalendarSettings, Unit, UnitCalendarSettings } from '../api/types.js';
import { REPORT_PERIOD_CODES, REPORT_PERIOD_LABELS, WEEKDAY_LABELS } from '../lib/labels.js';
import type { ReportPeriodCode } from '../lib/labels.js';
import { ErrorAlert, notifySuccess, PageLoader } from './common.js';

/** The server's built-in values (core/calendar, core/schedule), used when no unit sets its own. */
const DEFAULTS = {
  weekend: [0, 6],
  cultureDayFrom: 2026,
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  afternoonCutoff: null,
  dueDates: {
    Q1: { month: 3, day: 5 },
    H1: { month: 6, day: 5 },
    Q3: { month: 9, day: 5 },
    Y: { month: 12, day: 5 },
  },
} as const;

/** The picker works in `HH:mm:ss`; the settings keep `HH:mm`. */
const toPicker = (t: string) => (TIME_RE.test(t) ? `${t}:00` : t);
const fromPicker = (v: string) => v.slice(0, 5);

/** Monday first, as the week is read in Vietnam. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

type DueDate = { month: number; day: number; yearOffset?: number };
type Hours = { morning: [string, string]; afternoon: [string, string] };

interface Form {
  weekend: { own: boolean; days: string[] };
  culture: { own: boolean; never: boolean; from: number | string };
  hours: { own: boolean; value: Hours };
  cutoff: { own: boolean; none: boolean; time: string };
  reports: { own: boolean; dueDates: Record<ReportPeriodCode, DueDate> };
}

function initialForm(s: CalendarSettings): Form {
  const own = s.own ?? {};
  const eff = s.effective;
  const cultureDayFrom = eff.cultureDayFrom === undefined ? DEFAULTS.cultureDayFrom : eff.cultureDayFrom;
  const hours = eff.officeHours ?? DEFAULTS.officeHours;
  const cutoff = eff.afternoonCutoff === undefined ? DEFAULTS.afternoonCutoff : eff.afternoonCutoff;
  const dueDates = Object.fromEntries(
    REPORT_PERIOD_CODES.map((c) => [c, { ...(eff.reporting?.dueDates?.[c] ?? DEFAULTS.dueDates[c]) }]),
  ) as Record<ReportPeriodCode, DueDate>;
  return {
    weekend: { own: own.weekend !== undefined, days: (eff.weekend ?? DEFAULTS.weekend).map(String) },
    culture: {
      own: own.cultureDayFrom !== undefined,
      never: cultureDayFrom === null,
      from: cultureDayFrom ?? DEFAULTS.cultureDayFrom,
    },
    hours: {
      own: own.officeHours !== undefined && own.officeHours !== null,
      value: { morning: [...hours.morning], afternoon: [...hours.afternoon] },
    },
    cutoff: { own: own.afternoonCutoff !== undefined, none: cutoff === null, time: cutoff ?? '16:00' },
    reports: { own: own.reporting?.dueDates !== undefined, dueDates },
  };
}

/** The unit's own settings from the form: a section left to inherit is left out. */
function toSettings(f: Form, previous: UnitCalendarSettings | null): UnitCalendarSettings | string {
  const out: UnitCalendarSettings = {};
  if (f.weekend.own) out.weekend = f.weekend.days.map(Number).sort((a, b) => a - b);
  if (f.culture.own) {
    const from = Number(f.culture.from);
    if (!f.culture.never && !(Number.isInteger(from) && from >= 2000 && from <= 2100))
      return 'Năm bắt đầu nghỉ ngày 24/11 phải từ 2000 đến 2100.';
    out.cultureDayFrom = f.culture.never ? null : from;
  }
  if (f.hours.own) {
    const h = f.hours.value;
    const all = [...h.morning, ...h.afternoon];
    if (!all.every((t) => TIME_RE.test(t))) return 'Giờ làm việc phải có dạng giờ:phút, ví dụ 07:30.';
    if (!(h.morning[0] < h.morning[1] && h.morning[1] <= h.afternoon[0] && h.afternoon[0] < h.afternoon[1]))
      return 'Giờ làm việc phải theo thứ tự: sáng bắt đầu < sáng kết thúc ≤ chiều bắt đầu < chiều kết thúc.';
    out.officeHours = { morning: [h.morning[0], h.morning[1]], afternoon: [h.afternoon[0], h.afternoon[1]] };
  }
  if (f.cutoff.own) {
    if (!f.cutoff.none && !TIME_RE.test(f.cutoff.time)) return 'Giờ chốt nhận hồ sơ phải có dạng giờ:phút.';
    out.afternoonCutoff = f.cutoff.none ? null : f.cutoff.time;
  }
  // Cut-off days are not edited here: kept as they were.
  const kept = { ...previous?.reporting };
  delete kept.dueDates;
  if (f.reports.own) {
    for (const c of REPORT_PERIOD_CODES) {
      const d = f.reports.dueDates[c];
      if (!(d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12))
        return `${REPORT_PERIOD_LABELS[c]}: ngày hoặc tháng không hợp lệ.`;
    }
    out.reporting = { ...kept, dueDates: f.reports.dueDates };
  } else if (Object.keys(kept).length > 0) out.reporting = kept;
  return out;
}

function Section({
  title,
  description,
  own,
  onOwn,
  inheritedLabel,
  children,
  testId,
}: {
  title: string;
  description?: string;
  own: boolean;
  onOwn: (own: boolean) => void;
  inheritedLabel: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} data-own={own}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <div>
          <Text fw={500} size="sm">
            {title}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="light" color={own ? 'blue' : 'gray'} data-testid="setting-origin">
            {own ? 'Cài đặt riêng' : inheritedLabel}
          </Badge>
          <Switch
            size="sm"
            checked={own}
            onChange={(e) => onOwn(e.currentTarget.checked)}
            aria-label={`${title}: dùng cài đặt riêng`}
          />
        </Group>
      </Group>
      <fieldset disabled={!own} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        {children}
      </fieldset>
    </Paper>
  );
}

/** A unit's working calendar: own values where set, the superior's (or the defaults) elsewhere. */
export function UnitCalendarSettingsModal({
  unit,
  units,
  onClose,
}: {
  unit: Unit;
  units: Unit[];
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: calendarKeys.settings(unit.id),
    queryFn: () => calendarApi.settings(unit.id),
  });
  return (
    <Modal opened onClose={onClose} title={`Lịch làm việc – ${unit.name}`} size="lg">
      {q.isPending && <PageLoader />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && <SettingsForm unit={unit} units={units} settings={q.data} onClose={onClose} />}
    </Modal>
  );
}

function SettingsForm({
  unit,
  units,
  settings,
  onClose,
}: {
  unit: Unit;
  units: Unit[];
  settings: CalendarSettings;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState<Form>(() => initialForm(settings));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof Form>(key: K, value: Partial<Form[K]>) =>
    setForm((f) => ({ ...f, [key]: { ...f[key], ...value } }));
  const saved = async (s: CalendarSettings, message: string) => {
    qc.setQueryData(calendarKeys.settings(unit.id), s);
    notifySuccess(message);
    await calendarChanged(qc);
    onClose();
  };
  const save = useMutation({
    mutationFn: (s: UnitCalendarSettings) => calendarApi.saveSettings(unit.id, s),
    onSuccess: (s) => saved(s, `Đã lưu lịch làm việc của ${unit.name}.`),
  });
  const reset = useMutation({
    mutationFn: () => calendarApi.saveSettings(unit.id, {}),
    onSuccess: (s) => saved(s, `${unit.name} dùng lại cài đặt của đơn vị cấp trên.`),
  });
  const parent = units.find((u) => u.id === unit.parentId);
  const source = settings.inheritedFrom;
  const sourceUnit = /^\d+$/.test(source) ? units.find((u) => u.id === Number(source)) : undefined;
  // A value not set by the unit comes from a superior's settings, or else the built-in default.
  const origin = (hasEffective: boolean) => (hasEffective ? 'Kế thừa từ đơn vị cấp trên' : 'Mặc định');
  const eff = settings.effective;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out = toSettings(form, settings.own);
    if (typeof out === 'string') return setProblem(out);
    setProblem(null);
    save.mutate(out);
  };
  const hasOwn = settings.own !== null && Object.keys(settings.own).length > 0;

  return (
    <form onSubmit={submit} data-testid="calendar-settings-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Bật “cài đặt riêng” để đơn vị dùng giá trị của mình; tắt thì kế thừa từ đơn vị cấp trên
          {parent ? ` (${parent.name})` : ''} hoặc mặc định của hệ thống.
          {sourceUnit && source !== 'own' ? ` Cài đặt đang kế thừa từ: ${sourceUnit.name}.` : ''}
        </Text>

        <Section
          title="Ngày nghỉ hằng tuần"
          own={form.weekend.own}
          onOwn={(own) => set('weekend', { own })}
          inheritedLabel={origin(eff.weekend !== undefined)}
          testId="setting-weekend"
        >
          <Checkbox.Group value={form.weekend.days} onChange={(days) => set('weekend', { days })}>
            <Group gap="sm">
              {WEEK_ORDER.map((d) => (
                <Checkbox key={d} value={String(d)} label={WEEKDAY_LABELS[d]} />
              ))}
            </Group>
          </Checkbox.Group>
        </Section>

        <Section
          title="Ngày Văn hóa Việt Nam (24/11)"
          description="Ngày nghỉ có hưởng lương từ năm"
          own={form.culture.own}
          onOwn={(own) => set('culture', { own })}
          inheritedLabel={origin(eff.cultureDayFrom !== undefined)}
          testId="setting-culture"
        >
          <Group gap="sm" align="center">
            <NumberInput
              aria-label="Nghỉ ngày 24/11 từ năm"
              value={form.culture.from}
              onChange={(from) => set('culture', { from })}
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              disabled={!form.culture.own || form.culture.never}
              w={120}
            />
            <Checkbox
              label="Không nghỉ ngày 24/11"
              checked={form.culture.never}
              onChange={(e) => set('culture', { never: e.currentTarget.checked })}
            />
          </Group>
        </Section>

        <Section
          title="Giờ làm việc"
          description="Dùng khi thời hạn tính theo giờ làm việc"
          own={form.hours.own}
          onOwn={(own) => set('hours', { own })}
          inheritedLabel={origin(eff.officeHours !== undefined && eff.officeHours !== null)}
          testId="setting-hours"
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {(
              [
                ['morning', 0, 'Sáng từ'],
                ['morning', 1, 'đến'],
                ['afternoon', 0, 'Chiều từ'],
                ['afternoon', 1, 'đến'],
              ] as const
            ).map(([part, i, label]) => (
              <TimePicker
                key={`${part}-${i}`}
                label={label}
                format="24h"
                value={toPicker(form.hours.value[part][i])}
                onChange={(value) => {
                  const t = fromPicker(value);
                  setForm((f) => {
                    const v: Hours = {
                      morning: [...f.hours.value.morning],
                      afternoon: [...f.hours.value.afternoon],
                    };
                    v[part][i] = t;
                    return { ...f, hours: { ...f.hours, value: v } };
                  });
                }}
              />
            ))}
          </SimpleGrid>
        </Section>

        <Section
          title="Giờ chốt nhận hồ sơ buổi chiều"
          description="Nhận sau giờ này thì tính từ ngày làm việc tiếp theo"
          own={form.cutoff.own}
          onOwn={(own) => set('cutoff', { own })}
          inheritedLabel={origin(eff.afternoonCutoff !== undefined)}
          testId="setting-cutoff"
        >
          <Group gap="sm" align="center">
            <TimePicker
              aria-label="Giờ chốt"
              format="24h"
              value={toPicker(form.cutoff.time)}
              onChange={(value) => set('cutoff', { time: fromPicker(value) })}
              disabled={!form.cutoff.own || form.cutoff.none}
              w={120}
            />
            <Checkbox
              label="Không áp dụng giờ chốt"
              checked={form.cutoff.none}
              onChange={(e) => set('cutoff', { none: e.currentTarget.checked })}
            />
          </Group>
        </Section>

        <Section
          title="Hạn gửi báo cáo định kỳ"
          description="Khi kế hoạch không ghi hạn báo cáo"
          own={form.reports.own}
          onOwn={(own) => set('reports', { own })}
          inheritedLabel={origin(eff.reporting?.dueDates !== undefined)}
          testId="setting-reports"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {REPORT_PERIOD_CODES.map((c) => {
              const d = form.reports.dueDates[c];
              const put = (patch: Partial<DueDate>) =>
                setForm((f) => ({
                  ...f,
                  reports: { ...f.reports, dueDates: { ...f.reports.dueDates, [c]: { ...d, ...patch } } },
                }));
              return (
                <Stack key={c} gap={4}>
                  <Text size="xs" fw={500}>
                    {REPORT_PERIOD_LABELS[c]}
                  </Text>
                  <Group gap={6} wrap="nowrap" align="center">
                    <Text size="sm">trước ngày</Text>
                    <NumberInput
                      aria-label={`${REPORT_PERIOD_LABELS[c]}: ngày`}
                      value={d.day}
                      onChange={(v) => put({ day: Number(v) || 1 })}
                      min={1}
                      max={31}
                      allowDecimal={false}
                      w={70}
                    />
                    <Select
                      aria-label={`${REPORT_PERIOD_LABELS[c]}: tháng`}
                      data={Array.from({ length: 12 }, (_, i) => ({
                        value: String(i + 1),
                        label: `tháng ${i + 1}`,
                      }))}
                      value={String(d.month)}
                      onChange={(v) => v && put({ month: Number(v) })}
                      allowDeselect={false}
                      w={110}
                    />
                  </Group>
                  {c === 'Y' && (
                    <Checkbox
                      size="xs"
                      label="của năm sau"
                      checked={(d.yearOffset ?? 0) === 1}
                      onChange={(e) => put({ yearOffset: e.currentTarget.checked ? 1 : 0 })}
                    />
                  )}
                </Stack>
              );
            })}
          </SimpleGrid>
        </Section>

        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {save.isError && <ErrorAlert error={save.error} title="Không lưu được" />}
        {reset.isError && <ErrorAlert error={reset.error} title="Không lưu được" />}
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            color="gray"
            onClick={() => reset.mutate()}
            loading={reset.isPending}
            disabled={!hasOwn}
            data-testid="calendar-settings-reset"
          >
            Dùng lại cài đặt của cấp trên
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="calendar-settings-save">
              Lưu
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
