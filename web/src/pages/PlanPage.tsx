import {
  Accordion,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { planApi, planKeys } from '../api/plans.js';
import type { PlanDetail, TaskStatus } from '../api/types.js';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { TargetList } from '../components/TargetList.js';
import { TaskList } from '../components/TaskList.js';
import { formatDate, formatNamed, matchesSearch } from '../lib/format.js';
import { DUE_FILTER_LABEL, STATUS_LABELS, STATUSES } from '../lib/labels.js';

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: () => planApi.detail(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function PlanPage() {
  const id = Number(useParams().id);
  const q = usePlan(id);
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return <PlanView plan={q.data} />;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const [status, setStatus] = useState<TaskStatus | 'all' | 'due'>('all');
  const [search, setSearch] = useState('');
  // On a phone the areas start closed (44 task cards are a long scroll); on a wide screen, open.
  const narrow = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [closed, setClosed] = useState<string[]>(() => (narrow ? plan.areas.map((a) => a.code) : []));
  const filtering = status !== 'all' || search.trim() !== '';

  const tasksByArea = useMemo(() => {
    const m = new Map<string, PlanDetail['tasks']>();
    for (const t of plan.tasks) {
      if (status === 'due' ? t.flag === null : status !== 'all' && t.status !== status) continue;
      if (
        !matchesSearch(search, [
          t.code,
          t.title,
          t.lead,
          t.deadlineText,
          formatNamed(t.deliverables),
          formatNamed(t.cooperators),
        ])
      )
        continue;
      m.set(t.areaCode, [...(m.get(t.areaCode) ?? []), t]);
    }
    return m;
  }, [plan.tasks, status, search]);
  const shown = [...tasksByArea.values()].reduce((n, l) => n + l.length, 0);
  const areas = plan.areas.filter((a) => !filtering || tasksByArea.has(a.code));
  const openAreas = filtering
    ? areas.map((a) => a.code)
    : areas.map((a) => a.code).filter((c) => !closed.includes(c));
  // Same rule as the dashboard: tasks that did not arise ("không phát sinh") are left out.
  const done = plan.areas.reduce((n, a) => n + a.counts.done, 0);
  const countable = plan.areas.reduce((n, a) => n + a.total - a.counts.not_applicable, 0);
  const pct = countable === 0 ? 0 : Math.round((done / countable) * 100);
  const sectionTargets = plan.targets.filter((t) => t.source === 'section');
  const appendixTargets = plan.targets.filter((t) => t.source === 'appendix');

  return (
    <Stack gap="lg" data-testid="plan-page">
      <Breadcrumbs>
        <Anchor component={Link} to="/plans" size="sm">
          Kế hoạch
        </Anchor>
        <Text size="sm">Năm {plan.year}</Text>
      </Breadcrumbs>

      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 400px' }}>
            <Group gap={6}>
              <Badge variant="light">Năm {plan.year}</Badge>
              <Badge variant="outline" color="gray">
                Phiên bản {plan.version}
              </Badge>
              <Badge color={plan.status === 'active' ? 'teal' : 'gray'} variant="light">
                {plan.status === 'active' ? 'Đang áp dụng' : 'Đã được thay thế'}
              </Badge>
            </Group>
            <Title order={2} fz={{ base: 'h3', sm: 'h2' }} data-testid="plan-title">
              {plan.title}
            </Title>
          </Stack>
          {plan.actions.import && plan.status === 'active' && (
            <Button component={Link} to="/import" variant="light" leftSection={<IconFileImport size={16} />}>
              Nhập lại kế hoạch
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="md" spacing="sm">
          <Field label="Số kế hoạch">
            <span data-testid="plan-number">{plan.number ?? '—'}</span>
          </Field>
          <Field label="Ngày ban hành">{formatDate(plan.issuedOn)}</Field>
          <Field label="Đơn vị">{plan.unitName}</Field>
          <Field label="Cơ quan cấp trên">{plan.superiorName ?? '—'}</Field>
        </SimpleGrid>
        <Group gap="sm" mt="md" wrap="nowrap">
          <Progress value={pct} size="lg" style={{ flex: 1 }} aria-label={`Tiến độ ${pct}%`} />
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="plan-progress">
            Hoàn thành {done}/{countable} nhiệm vụ · {pct}%
          </Text>
        </Group>
        {plan.sourceFilename && (
          <Text size="xs" c="dimmed" mt={6}>
            Tệp gốc: {plan.sourceFilename}
          </Text>
        )}
      </Card>

      <Tabs defaultValue="tasks" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tasks">Nhiệm vụ ({plan.taskCount})</Tabs.Tab>
          <Tabs.Tab value="targets">Chỉ tiêu ({plan.targets.filter((t) => !t.isGroup).length})</Tabs.Tab>
          <Tabs.Tab value="document">Căn cứ, mục tiêu</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="tasks" pt="md">
          <Stack gap="md">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label="Tìm nhiệm vụ"
                placeholder="Mã, nội dung, chủ trì… (gõ không dấu cũng được)"
                leftSection={<IconSearch size={16} />}
                rightSection={
                  search ? (
                    <CloseButton size="sm" onClick={() => setSearch('')} aria-label="Xóa tìm kiếm" />
                  ) : null
                }
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                style={{ flex: '1 1 280px' }}
                data-testid="plan-search"
              />
              <Select
                label="Trạng thái"
                data={[
                  { value: 'all', label: 'Tất cả trạng thái' },
                  ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
                  { value: 'due', label: DUE_FILTER_LABEL },
                ]}
                value={status}
                onChange={(v) => setStatus(v ?? 'all')}
                allowDeselect={false}
                w={{ base: '100%', xs: 220 }}
                data-testid="plan-status-filter"
              />
            </Group>
            {filtering && (
              <Text size="sm" c="dimmed" aria-live="polite">
                Tìm thấy {shown} nhiệm vụ.
              </Text>
            )}
            {areas.length === 0 ? (
              <EmptyText>Không có nhiệm vụ phù hợp.</EmptyText>
            ) : (
              <Accordion
                multiple
                variant="separated"
                value={openAreas}
                onChange={(open) => setClosed(plan.areas.map((a) => a.code).filter((c) => !open.includes(c)))}
              >
                {areas.map((a) => {
                  const list = tasksByArea.get(a.code) ?? [];
                  return (
                    <Accordion.Item key={a.code} value={a.code} data-testid="area-section">
                      <Accordion.Control>
                        <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                          <Text fw={600} style={{ flex: '1 1 260px' }}>
                            {a.code}. {a.title}
                          </Text>
                          <Group gap="xs" wrap="nowrap" w={{ base: '100%', sm: 260 }}>
                            <Progress value={a.percentDone} style={{ flex: 1 }} aria-hidden />
                            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                              {a.counts.done}/{a.total} · {a.percentDone}%
                            </Text>
                          </Group>
                        </Group>
                      </Accordion.Control>
                      <Accordion.Panel>
                        {list.length === 0 ? (
                          <EmptyText>Lĩnh vực này không có nhiệm vụ trong Phụ lục 1.</EmptyText>
                        ) : (
                          <TaskList tasks={list} />
                        )}
                        {!filtering && plan.focusItems.some((f) => f.areaCode === a.code) && (
                          <Text size="xs" c="dimmed" mt="xs">
                            {plan.focusItems.filter((f) => f.areaCode === a.code).length} nhiệm vụ trọng tâm
                            của lĩnh vực này ở phần III (xem thẻ “Căn cứ, mục tiêu”).
                          </Text>
                        )}
                      </Accordion.Panel>
                    </Accordion.Item>
                  );
                })}
              </Accordion>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="targets" pt="md">
          <Stack gap="lg">
            <div>
              <Title order={3} size="h4" mb="xs">
                Chỉ tiêu (mục II của kế hoạch)
              </Title>
              {sectionTargets.length === 0 ? (
                <EmptyText>Kế hoạch không có chỉ tiêu ở mục II.</EmptyText>
              ) : (
                <TargetList targets={sectionTargets} planId={plan.id} />
              )}
            </div>
            <div>
              <Title order={3} size="h4" mb="xs">
                Phụ lục 2 – Thực hiện chỉ tiêu
              </Title>
              {appendixTargets.length === 0 ? (
                <EmptyText>Kế hoạch không có Phụ lục 2.</EmptyText>
              ) : (
                <TargetList targets={appendixTargets} planId={plan.id} />
              )}
            </div>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="document" pt="md">
          <Stack gap="lg">
            {plan.legalBases.length > 0 && (
              <div>
                <Title order={3} size="h4" mb="xs">
                  Căn cứ
                </Title>
                <List spacing={4} size="sm">
                  {plan.legalBases.map((b, i) => (
                    <List.Item key={i}>{b}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {plan.objectives.length > 0 && (
              <div>
                <Title order={3} size="h4" mb="xs">
                  Mục tiêu
                </Title>
                <List spacing={4} size="sm" type="ordered">
                  {plan.objectives.map((b, i) => (
                    <List.Item key={i}>{b}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {plan.focusItems.length > 0 && (
              <div>
                <Title order={3} size="h4" mb="xs">
                  Nhiệm vụ trọng tâm
                </Title>
                <Stack gap={4}>
                  {plan.focusItems.map((f, i) => (
                    <Text key={i} size="sm">
                      <Text span fw={600}>
                        {f.code}.
                      </Text>{' '}
                      {f.text}
                    </Text>
                  ))}
                </Stack>
              </div>
            )}
            {plan.reportDueText && <Field label="Chế độ báo cáo">{plan.reportDueText}</Field>}
            {plan.legalBases.length === 0 &&
              plan.objectives.length === 0 &&
              plan.focusItems.length === 0 &&
              !plan.reportDueText && <EmptyText>Không có nội dung.</EmptyText>}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
