import {
  ActionIcon,
  Card,
  Collapse,
  ColorSwatch,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { api } from '../api/client.js';
import type { DossierFigures, Figure } from '../api/types.js';
import { ErrorAlert, PageLoader } from '../components/common.js';
import {
  DossierBreadcrumbs,
  DownloadButton,
  formatPercent,
  initialPeriod,
  PeriodPicker,
  SubtreeSwitch,
  useDossierScope,
} from '../components/dossier.js';
import type { PeriodValue } from '../components/dossier.js';
import { vietnamToday } from '../lib/period.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { FIGURE_KEYS, FIGURE_LABELS, RATING_LABELS } from '../lib/labels.js';
import type { FigureKey } from '../lib/labels.js';
import type { ChartSlice } from './DossierFiguresChart.js';

const TimelinessChart = lazy(() => import('./DossierFiguresChart.js'));

/** Figures where a higher value is worse. */
const LOWER_IS_BETTER: ReadonlySet<FigureKey> = new Set(['lateRate']);

function slices(f: DossierFigures): (ChartSlice & { key: string })[] {
  return [
    { key: 'finished-early', label: 'Đã giải quyết trước hạn', color: 'teal.6', value: f.finished.early },
    { key: 'finished-on-time', label: 'Đã giải quyết đúng hạn', color: 'blue.6', value: f.finished.onTime },
    { key: 'finished-late', label: 'Đã giải quyết trễ hạn', color: 'red.6', value: f.finished.late },
    { key: 'open-on-time', label: 'Đang giải quyết trong hạn', color: 'cyan.4', value: f.inProgress.onTime },
    { key: 'open-late', label: 'Đang giải quyết quá hạn', color: 'orange.6', value: f.inProgress.late },
  ];
}

export function DossierFiguresPage() {
  const scope = useDossierScope();
  const [period, setPeriod] = useState<PeriodValue>(initialPeriod);
  const [subtree, setSubtree] = useState(false);
  const withSubtree = subtree && scope.hasBelow;
  // A period reaching past today is read as of today: the server counts a dossier still open at the
  // period's end as it will stand then, so an open dossier due next month would already be late.
  const today = vietnamToday();
  const to = period.to > today ? today : period.to;
  const future = period.from > today;
  const valid = period.from <= period.to && !future;
  const q = useQuery({
    queryKey: ['dossier-figures', scope.unitId, withSubtree, period.from, to],
    queryFn: () => api.dossierFigures(scope.unitId, period.from, to, withSubtree),
    enabled: valid,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg" data-testid="figures-page">
      <DossierBreadcrumbs current="Số liệu" />
      <div>
        <Title order={2}>Số liệu giải quyết hồ sơ</Title>
        <Text c="dimmed">
          {scope.unitName}
          {withSubtree ? ' và các đơn vị cấp dưới' : ''} · từ {formatDate(period.from)} đến{' '}
          <span data-testid="figures-period-to">
            {formatDate(to)}
            {to < period.to ? ' (hôm nay)' : ''}
          </span>
        </Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <PeriodPicker value={period} onChange={setPeriod} />
        <Group gap="sm" align="center">
          {scope.hasBelow && <SubtreeSwitch checked={subtree} onChange={setSubtree} />}
          {/* Mẫu 06 is the unit's own register (with personal data): not the units below. */}
          {scope.canHandle && valid && !withSubtree && (
            <DownloadButton
              href={api.registerUrl(scope.unitId, period.from, to)}
              variant="light"
              testId="register-download"
            >
              Tải sổ theo dõi (Mẫu 06)
            </DownloadButton>
          )}
        </Group>
      </Group>

      {future ? (
        <Text c="dimmed" size="sm">
          Kỳ này chưa bắt đầu: chưa có số liệu.
        </Text>
      ) : !valid ? (
        <Text c="red" size="sm">
          Ngày bắt đầu phải trước ngày kết thúc.
        </Text>
      ) : q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <FiguresView f={q.data} />
      )}
    </Stack>
  );
}

function FiguresView({ f }: { f: DossierFigures }) {
  const parts = slices(f);
  return (
    <Stack gap="lg" data-testid="figures">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Count label="Tiếp nhận trong kỳ" value={f.received.total} testId="count-received">
          Trực tuyến {f.received.online} · trực tiếp {f.received.direct} · bưu chính {f.received.postal}
        </Count>
        <Count label="Xử lý trong kỳ" value={f.handled} testId="count-handled">
          Gồm hồ sơ kỳ trước chuyển sang
        </Count>
        <Count label="Đã giải quyết" value={f.finished.total} testId="count-finished">
          Trước hạn {f.finished.early} · đúng hạn {f.finished.onTime} · trễ hạn {f.finished.late}
        </Count>
        <Count label="Đang giải quyết" value={f.inProgress.total} testId="count-in-progress">
          Trong hạn {f.inProgress.onTime} · quá hạn {f.inProgress.late}
        </Count>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
        {FIGURE_KEYS.map((k) => (
          <FigureCard
            key={k}
            figureKey={k}
            figure={f[k]}
            definition={f[k].definition || f.definitions?.[k] || ''}
          />
        ))}
      </SimpleGrid>

      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h4" mb="sm">
          Hồ sơ xử lý trong kỳ theo thời hạn
        </Title>
        {f.handled === 0 ? (
          <Text size="sm" c="dimmed">
            Không có hồ sơ nào được xử lý trong kỳ.
          </Text>
        ) : (
          <Group gap="xl" align="center" wrap="wrap" justify="center">
            <Suspense fallback={<Skeleton h={200} w={200} circle />}>
              <TimelinessChart slices={parts} total={f.handled} />
            </Suspense>
            <Stack gap={6} data-testid="figures-legend">
              {parts.map((s) => (
                <Group key={s.key} gap="xs" wrap="nowrap">
                  <ColorSwatch color={`var(--mantine-color-${s.color.replace('.', '-')})`} size={14} />
                  <Text size="sm">
                    {s.label}: <b>{formatNumber(s.value)}</b>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Group>
        )}
      </Card>

      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h4" mb="sm">
          Đánh giá của người dân
        </Title>
        <Text size="sm">
          {RATING_LABELS.very_satisfied}: <b>{f.ratings.verySatisfied}</b> · {RATING_LABELS.satisfied}:{' '}
          <b>{f.ratings.satisfied}</b> · {RATING_LABELS.not_satisfied}: <b>{f.ratings.notSatisfied}</b>
        </Text>
        <Text size="sm" c="dimmed">
          Hồ sơ có phản ánh, kiến nghị hoặc đánh giá “không hài lòng”: {f.complaintsOrNotSatisfied}
        </Text>
      </Card>
    </Stack>
  );
}

function Count({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: number;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId} data-value={value}>
        {formatNumber(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

function figureColor(key: FigureKey, value: number | null): string | undefined {
  if (value === null) return 'dimmed';
  if (LOWER_IS_BETTER.has(key)) return value > 0 ? 'red.7' : 'teal.7';
  return undefined;
}

function FigureCard({
  figureKey,
  figure,
  definition,
}: {
  figureKey: FigureKey;
  figure: Figure;
  definition: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`figure-${figureKey}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text size="sm" fw={500}>
          {FIGURE_LABELS[figureKey]}
        </Text>
        <Tooltip label={open ? 'Ẩn cách tính' : 'Cách tính'}>
          <ActionIcon
            variant={open ? 'light' : 'subtle'}
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-label={`Cách tính ${FIGURE_LABELS[figureKey]}`}
            aria-expanded={open}
          >
            <IconInfoCircle size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group gap="xs" align="baseline" mt={4}>
        <Text
          fw={700}
          fz={figure.value === null ? 18 : 28}
          lh={1.1}
          c={figureColor(figureKey, figure.value)}
          data-testid="figure-value"
        >
          {figure.value === null ? 'Chưa có số liệu' : formatPercent(figure.value)}
        </Text>
        <Text size="sm" c="dimmed" data-testid="figure-ratio">
          {formatNumber(figure.numerator)}/{formatNumber(figure.denominator)}
        </Text>
      </Group>
      <Collapse expanded={open}>
        <Text size="xs" c="dimmed" mt="xs" data-testid="figure-definition">
          {definition}
        </Text>
      </Collapse>
    </Paper>
  );
}
