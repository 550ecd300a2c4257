import { Anchor, Badge, Breadcrumbs, Button, Group, Select, SimpleGrid, Switch, Text } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DossierListItem, DossierStatus, Figure } from '../api/types.js';
import { formatNumber, parseVnDate } from '../lib/format.js';
import { DOSSIER_STATUS_COLORS, DOSSIER_STATUS_LABELS } from '../lib/labels.js';
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, presetPeriod, vietnamToday } from '../lib/period.js';
import type { DatePeriod, PeriodPreset } from '../lib/period.js';
import { permissions, useCurrentUser, useUnits, useUnitScope } from '../session.js';

type Size = 'xs' | 'sm' | 'md' | 'lg';

const isStatus = (s: string): s is DossierStatus => s in DOSSIER_STATUS_LABELS;

/** The breadcrumbs of a page of the register: “Hồ sơ TTHC” (a link to the register) › `current`. */
export function DossierBreadcrumbs({ current }: { current: ReactNode }) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/ho-so" size="sm">
        Hồ sơ TTHC
      </Anchor>
      <Text size="sm">{current}</Text>
    </Breadcrumbs>
  );
}

export function DossierStatusBadge({
  status,
  label,
  size = 'sm',
}: {
  status: string;
  label?: string;
  size?: Size;
}) {
  return (
    <Badge
      color={isStatus(status) ? DOSSIER_STATUS_COLORS[status] : 'gray'}
      variant="light"
      size={size}
      data-testid="dossier-status"
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {label ?? (isStatus(status) ? DOSSIER_STATUS_LABELS[status] : status)}
    </Badge>
  );
}

export type DossierFlag = 'overdue' | 'due_soon' | 'late';
const FLAG_LABELS: Record<DossierFlag, string> = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  late: 'Trễ hạn',
};

/**
 * Where a register line stands: open and past its appointment ("Quá hạn", the stored flag may lag
 * the clock, so the appointment is compared too; not while the clock is stopped for a supplement),
 * open and close to it ("Sắp đến hạn", from the due-soon list), or finished late ("Trễ hạn").
 */
export function dossierFlag(
  d: Pick<DossierListItem, 'endedAt' | 'late' | 'appointmentAt' | 'status'>,
  dueSoon = false,
): DossierFlag | null {
  if (d.endedAt) return d.late ? 'late' : null;
  if (d.late || (d.status !== 'awaiting_supplement' && Date.parse(d.appointmentAt) < Date.now()))
    return 'overdue';
  return dueSoon ? 'due_soon' : null;
}

export function DossierFlagBadge({ flag, size = 'sm' }: { flag: DossierFlag | null; size?: Size }) {
  if (!flag) return null;
  return (
    <Badge
      color={flag === 'due_soon' ? 'orange' : 'red'}
      variant={flag === 'late' ? 'outline' : 'filled'}
      size={size}
      data-testid="dossier-flag"
      data-flag={flag}
      style={{ flexShrink: 0 }}
    >
      {FLAG_LABELS[flag]}
    </Badge>
  );
}

/** "98,5%" or "—" when there is no data (never shown as 0 % or 100 %). */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value)}%`;
}

/** "98,5% (197/200)", or "Chưa có số liệu (0/0)". */
export function formatFigure(f: Pick<Figure, 'value' | 'numerator' | 'denominator'>): string {
  const ratio = `(${formatNumber(f.numerator)}/${formatNumber(f.denominator)})`;
  return f.value === null ? `Chưa có số liệu ${ratio}` : `${formatNumber(f.value)}% ${ratio}`;
}

/** A file the server sends as an attachment (.docx, .xlsx): a plain link the browser downloads. */
export function DownloadButton({
  href,
  children,
  testId,
  ...props
}: { href: string; children: ReactNode; testId?: string } & ButtonProps) {
  return (
    <Button
      component="a"
      href={href}
      download
      leftSection={<IconDownload size={16} />}
      data-testid={testId}
      {...props}
    >
      {children}
    </Button>
  );
}

/**
 * A moment entered as a date and a time, read in Vietnam time (UTC+7, where the unit works): the
 * value is an ISO string with its offset, or null while incomplete.
 */
export function momentIso(date: string | null, time: string): string | null {
  if (!date || !/^\d{1,2}:\d{2}$/.test(time)) return null;
  const [h = '0', m = '0'] = time.split(':');
  return `${date}T${h.padStart(2, '0')}:${m}:00+07:00`;
}

export function MomentInput({
  label,
  description,
  date,
  time,
  onDate,
  onTime,
  required,
  minDate,
  maxDate,
  testId,
}: {
  label: string;
  description?: string;
  date: string | null;
  time: string;
  onDate: (v: string | null) => void;
  onTime: (v: string) => void;
  required?: boolean;
  minDate?: string;
  maxDate?: string;
  testId: string;
}) {
  return (
    <div>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <DateInput
          label={label}
          description={description}
          value={date}
          onChange={onDate}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVnDate}
          placeholder="dd/mm/yyyy"
          required={required}
          clearable={!required}
          minDate={minDate}
          maxDate={maxDate}
          data-testid={`${testId}-date`}
        />
        <TimeInput
          label="Giờ"
          description={description ? 'Giờ Việt Nam' : undefined}
          value={time}
          onChange={(e) => onTime(e.currentTarget.value)}
          required={required}
          data-testid={`${testId}-time`}
        />
      </SimpleGrid>
    </div>
  );
}

export interface PeriodValue extends DatePeriod {
  preset: PeriodPreset;
  year: number;
}

export function initialPeriod(): PeriodValue {
  const year = Number(vietnamToday().slice(0, 4));
  return { preset: 'this_quarter', year, ...presetPeriod('this_quarter', year) };
}

/** Presets (this quarter, quarters I–IV, 6 months, year) or two dates. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodValue;
  onChange: (v: PeriodValue) => void;
}) {
  const thisYear = Number(vietnamToday().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const choose = (preset: PeriodPreset, year: number) =>
    onChange(
      preset === 'custom'
        ? { ...value, preset, year }
        : { preset, year: preset === 'this_quarter' ? thisYear : year, ...presetPeriod(preset, year) },
    );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <Select
        label="Kỳ"
        data={PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_PRESET_LABELS[p] }))}
        value={value.preset}
        onChange={(v) => v && choose(v, value.year)}
        allowDeselect={false}
        w={{ base: '100%', xs: 190 }}
        data-testid="period-preset"
      />
      {value.preset !== 'custom' && value.preset !== 'this_quarter' && (
        <Select
          label="Năm"
          data={years}
          value={String(value.year)}
          onChange={(v) => v && choose(value.preset, Number(v))}
          allowDeselect={false}
          w={{ base: '100%', xs: 110 }}
          data-testid="period-year"
        />
      )}
      {value.preset === 'custom' && (
        <>
          <DateInput
            label="Từ ngày"
            value={value.from}
            onChange={(v) => v && onChange({ ...value, from: v })}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            maxDate={value.to}
            w={{ base: '100%', xs: 150 }}
            data-testid="period-from"
          />
          <DateInput
            label="Đến ngày"
            value={value.to}
            onChange={(v) => v && onChange({ ...value, to: v })}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            minDate={value.from}
            w={{ base: '100%', xs: 150 }}
            data-testid="period-to"
          />
        </>
      )}
    </Group>
  );
}

/** For a superior: count the units below too. */
export function SubtreeSwitch({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Switch
      label="Gồm đơn vị cấp dưới"
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      data-testid="subtree-switch"
    />
  );
}

/** A label above a value, as the dossier page's header shows its dates. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/**
 * The unit whose register is shown (the unit switcher's), whether it has units below (a superior
 * may count them too), and whether the user handles its dossiers (only in their own unit).
 */
export function useDossierScope() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const units = useUnits(me.unit.hasChildren);
  const hasBelow =
    me.unit.hasChildren && (units.data ? units.data.some((u) => u.parentId === scope.unitId) : true);
  return {
    unitId: scope.unitId,
    unitName: scope.unit?.name ?? me.unit.name,
    hasBelow,
    canHandle: permissions(me).handleDossiers && scope.unitId === me.unit.id,
    isOwnUnit: scope.unitId === me.unit.id,
  };
}
