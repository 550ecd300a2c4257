import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowBackUp,
  IconDeviceFloppy,
  IconFileSpreadsheet,
  IconFileTypeDocx,
  IconSend,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageLoader, notifyError, notifySuccess } from '../components/common.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { reportApi, reportKeys } from '../api/reports.js';
import type { ReportContent, ReportDetail } from '../api/reports.js';
import { ReportStateBadge } from './ReportsPage.js';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? 'chưa có số liệu' : `${String(v).replace('.', ',')}%`;

function Figures({ c }: { c: ReportContent }) {
  const d = c.dossiers;
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Title order={4} mb="xs">
          Nhiệm vụ theo lĩnh vực
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Số liệu từ {formatDate(c.period.cutoffFrom)} đến {formatDate(c.period.cutoffTo)}, tổng hợp ngày{' '}
          {formatDate(c.asOf)}.
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="report-area-figures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lĩnh vực</Table.Th>
                <Table.Th>Nhiệm vụ</Table.Th>
                <Table.Th>Đến hạn trong kỳ</Table.Th>
                <Table.Th>Đã hoàn thành</Table.Th>
                <Table.Th>Trong đó trễ hạn</Table.Th>
                <Table.Th>Quá hạn</Table.Th>
                <Table.Th>Chưa đến hạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.areas.map((a) => (
                <Table.Tr key={a.code}>
                  <Table.Td>
                    {a.code}. {a.title}
                  </Table.Td>
                  <Table.Td>{a.figures.tasks}</Table.Td>
                  <Table.Td>{a.figures.due}</Table.Td>
                  <Table.Td>{a.figures.done}</Table.Td>
                  <Table.Td>{a.figures.doneLate}</Table.Td>
                  <Table.Td c={a.figures.overdue > 0 ? 'red' : undefined}>{a.figures.overdue}</Table.Td>
                  <Table.Td>{a.figures.notYetDue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder radius="md">
          <Title order={5}>Hồ sơ thủ tục hành chính</Title>
          {d ? (
            <Stack gap={2} mt="xs">
              <Text size="sm">Tiếp nhận trong kỳ: {d.received}</Text>
              <Text size="sm">Xử lý trong kỳ: {d.handled}</Text>
              <Text size="sm">Tỷ lệ đúng hạn: {pct(d.onTimeRate)}</Text>
              <Text size="sm">Tỷ lệ trực tuyến: {pct(d.onlineShare)}</Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              Chưa có số liệu.
            </Text>
          )}
        </Card>
        <Card withBorder radius="md">
          <Title order={5}>Sự hài lòng</Title>
          {c.satisfaction ? (
            <Stack gap={2} mt="xs">
              <Text size="sm">
                Đánh giá:{' '}
                {c.satisfaction.verySatisfied + c.satisfaction.satisfied + c.satisfaction.notSatisfied}
              </Text>
              <Text size="sm">Tỷ lệ hài lòng: {pct(c.satisfaction.rate)}</Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              Chưa có số liệu.
            </Text>
          )}
        </Card>
        <Card withBorder radius="md">
          <Title order={5}>Phản ánh, kiến nghị</Title>
          {c.feedback ? (
            <Stack gap={2} mt="xs">
              <Text size="sm">Tiếp nhận: {c.feedback.received}</Text>
              <Text size="sm">Tỷ lệ xử lý đúng hạn: {pct(c.feedback.answeredOnTimeRate)}</Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              Chưa có số liệu.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      {c.targets.length > 0 && (
        <Card withBorder radius="md">
          <Title order={4} mb="xs">
            Chỉ tiêu (Phụ lục 2)
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Tbody>
                {c.targets.map((t) => (
                  <Table.Tr key={t.code + t.text}>
                    <Table.Td fw={t.isGroup ? 700 : undefined}>{t.code}</Table.Td>
                    <Table.Td fw={t.isGroup ? 700 : undefined}>{t.text}</Table.Td>
                    <Table.Td>{t.valueText}</Table.Td>
                    <Table.Td>
                      {t.stateLabel && (
                        <Badge
                          color={t.state === 'met' ? 'teal' : t.state === 'unknown' ? 'gray' : 'red'}
                          variant="light"
                        >
                          {t.stateLabel}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}

/** One unit's report of one period: draft, figures, downloads, submission and return. */
export function ReportPage() {
  const params = useParams();
  const unitId = Number(params.unitId);
  const period = params.period ?? '';
  const qc = useQueryClient();
  const key = reportKeys.detail(unitId, period);
  const q = useQuery({ queryKey: key, queryFn: () => reportApi.detail(unitId, period) });
  const [number, setNumber] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const [signerName, setSignerName] = useState('');
  const [areas, setAreas] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const loadedAt = q.data?.draft.updatedAt ?? null;
  useEffect(() => {
    if (!q.data) return;
    setNumber(q.data.draft.number ?? '');
    setSignerTitle(q.data.draft.signerTitle ?? '');
    setSignerName(q.data.draft.signerName ?? '');
    setAreas(q.data.draft.narratives.areas);
    setGeneral(q.data.draft.narratives.general);
    // Reset the form when another version of the draft is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedAt, q.data?.period.status]);

  const refresh = (d: ReportDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: reportKeys.schedules });
    void qc.invalidateQueries({ queryKey: reportKeys.overviews });
  };
  const save = useMutation({
    mutationFn: () =>
      reportApi.save(unitId, period, { number, signerTitle, signerName, narratives: { areas, general } }),
    onSuccess: (d) => {
      refresh(d);
      notifySuccess('Đã lưu bản nháp báo cáo.');
    },
    onError: (e) => notifyError(e),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await reportApi.save(unitId, period, {
        number,
        signerTitle,
        signerName,
        narratives: { areas, general },
      });
      return reportApi.submit(unitId, period);
    },
    onSuccess: (r) => {
      refresh(r.report);
      notifySuccess(r.late ? 'Đã gửi báo cáo lên cấp trên (sau hạn gửi).' : 'Đã gửi báo cáo lên cấp trên.');
    },
    onError: (e) => notifyError(e),
  });
  const giveBack = useMutation({
    mutationFn: () => reportApi.returnReport(unitId, period, reason),
    onSuccess: (d) => {
      refresh(d);
      setReturning(false);
      setReason('');
      notifySuccess('Đã trả lại báo cáo để đơn vị chỉnh sửa.');
    },
    onError: (e) => notifyError(e),
  });

  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const edit = d.actions.edit;
  const lastReturn = [...d.submissions].reverse().find((s) => s.returnReason);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to="/bao-cao" size="sm">
            ← Báo cáo định kỳ
          </Anchor>
          <Title order={2}>Báo cáo {d.period.label}</Title>
          <Text c="dimmed">
            {d.unit.name} · hạn gửi {formatDate(d.period.dueDate)} · số liệu {formatDate(d.period.cutoffFrom)}{' '}
            – {formatDate(d.period.cutoffTo)}
          </Text>
        </div>
        <ReportStateBadge p={d.period} />
      </Group>
      {!d.hasPlan && (
        <Alert color="yellow">
          Đơn vị chưa có kế hoạch CCHC của năm này: hãy nhập kế hoạch trước khi lập báo cáo.
        </Alert>
      )}
      {d.period.state === 'returned' && lastReturn && (
        <Alert color="orange" title="Cấp trên đã trả lại báo cáo" data-testid="report-return-reason">
          {lastReturn.returnReason} ({lastReturn.returnedBy ?? ''}, {formatDateTime(lastReturn.returnedAt)})
        </Alert>
      )}
      {d.frozen && (
        <Alert color="teal">
          Báo cáo đã gửi: số liệu và tệp được chốt tại thời điểm gửi, dữ liệu thay đổi sau đó không làm thay
          đổi báo cáo.
        </Alert>
      )}
      {d.hasPlan && (
        <Group>
          <Button
            component="a"
            href={reportApi.fileUrl(unitId, period, 'docx')}
            variant="light"
            leftSection={<IconFileTypeDocx size={16} />}
          >
            Tải báo cáo (.docx)
          </Button>
          <Button
            component="a"
            href={reportApi.fileUrl(unitId, period, 'xlsx')}
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            Tải phụ lục (.xlsx)
          </Button>
          {edit && (
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              variant="default"
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              Lưu nháp
            </Button>
          )}
          {d.actions.submit && (
            <Button
              leftSection={<IconSend size={16} />}
              loading={submit.isPending}
              onClick={() => submit.mutate()}
            >
              Gửi cấp trên
            </Button>
          )}
          {d.actions.return && (
            <Button
              color="orange"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setReturning(true)}
            >
              Trả lại để chỉnh sửa
            </Button>
          )}
        </Group>
      )}
      {d.hasPlan && (
        <Card withBorder radius="md">
          <Title order={4} mb="xs">
            Nội dung báo cáo
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Số báo cáo"
                placeholder="Ví dụ 12/BC-THHB"
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
                readOnly={!edit}
              />
              <TextInput
                label="Chức vụ người ký"
                placeholder="HIỆU TRƯỞNG"
                value={signerTitle}
                onChange={(e) => setSignerTitle(e.currentTarget.value)}
                readOnly={!edit}
              />
              <TextInput
                label="Họ tên người ký"
                value={signerName}
                onChange={(e) => setSignerName(e.currentTarget.value)}
                readOnly={!edit}
              />
            </SimpleGrid>
            {(d.content?.areas ?? []).map((a) => (
              <Textarea
                key={a.code}
                label={`${a.code}. ${a.title}`}
                description="Kết quả nổi bật, tồn tại, nguyên nhân (in dưới số liệu của lĩnh vực)"
                autosize
                minRows={2}
                value={areas[a.code] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setAreas((x) => ({ ...x, [a.code]: v }));
                }}
                readOnly={!edit}
              />
            ))}
            <Textarea
              label="Đánh giá chung và phương hướng"
              autosize
              minRows={3}
              value={general}
              onChange={(e) => setGeneral(e.currentTarget.value)}
              readOnly={!edit}
            />
          </Stack>
        </Card>
      )}
      {d.content && <Figures c={d.content} />}
      {d.submissions.length > 0 && (
        <Card withBorder radius="md">
          <Title order={4} mb="xs">
            Các lần gửi
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="report-submissions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Lần</Table.Th>
                  <Table.Th>Gửi lúc</Table.Th>
                  <Table.Th>Người gửi</Table.Th>
                  <Table.Th>Đúng hạn</Table.Th>
                  <Table.Th>Trả lại</Table.Th>
                  <Table.Th>Tệp</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.submissions.map((s) => (
                  <Table.Tr key={s.seq}>
                    <Table.Td>{s.seq}</Table.Td>
                    <Table.Td>{formatDateTime(s.submittedAt)}</Table.Td>
                    <Table.Td>{s.submittedBy ?? '—'}</Table.Td>
                    <Table.Td>
                      {s.late ? (
                        <Badge color="red" variant="light">
                          Trễ hạn
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          Đúng hạn
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.returnedAt ? `${formatDateTime(s.returnedAt)}: ${s.returnReason ?? ''}` : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor href={reportApi.fileUrl(unitId, period, 'docx', s.seq)}>.docx</Anchor>
                        <Anchor href={reportApi.fileUrl(unitId, period, 'xlsx', s.seq)}>.xlsx</Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal opened={returning} onClose={() => setReturning(false)} title="Trả lại báo cáo để chỉnh sửa">
        <Stack>
          <Textarea
            label="Lý do trả lại"
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              Hủy
            </Button>
            <Button
              color="orange"
              loading={giveBack.isPending}
              disabled={reason.trim().length < 3}
              onClick={() => giveBack.mutate()}
            >
              Trả lại
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
