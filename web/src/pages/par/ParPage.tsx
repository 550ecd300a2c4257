/**
 * The PAR Index (Chỉ số CCHC): the unit's self-assessment of the year with evidence, the
 * superior's appraisal and ranking of its units, and the import of criteria sets. The buttons
 * shown are the actions the server sends with the assessment.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { parApi } from '../../api/par.js';
import type { ParAssessment, ParNode } from '../../api/par.js';
import { EmptyText, ErrorAlert, PageLoader, notifyError, notifySuccess } from '../../components/common.js';
import { PAR_STATUS_COLORS } from '../../lib/labels.js';
import { useCurrentUser } from '../../session.js';

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : String(n).replace('.', ',');

function LeafRow({ a, n, onChange }: { a: ParAssessment; n: ParNode; onChange: (x: ParAssessment) => void }) {
  const s = n.score!;
  const [note, setNote] = useState(s.note ?? '');
  const [appraised, setAppraised] = useState<number | string>(s.appraisedScore ?? s.selfScore ?? '');
  const [reason, setReason] = useState(s.appraisalReason ?? '');
  const [explanation, setExplanation] = useState(s.explanation ?? '');
  const [taskEvidenceId, setTaskEvidenceId] = useState<number | string>('');
  const run = (p: Promise<ParAssessment>) => p.then(onChange).catch((e: unknown) => notifyError(e));
  const auto = n.rule.kind === 'bands';
  return (
    <Table.Tr data-testid={`leaf-${n.criterionId}`}>
      <Table.Td>{n.code}</Table.Td>
      <Table.Td>
        <Text size="sm">{n.title}</Text>
        {n.guide && (
          <Text size="xs" c="dimmed">
            Hướng dẫn: {n.guide}
          </Text>
        )}
        {n.evidenceRequired && (
          <Text size="xs" c="dimmed">
            Tài liệu kiểm chứng: {n.evidenceRequired}
          </Text>
        )}
        {s.figureText && (
          <Text size="xs" c="blue">
            Số liệu: {s.figureText}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{fmt(n.max)}</Table.Td>
      <Table.Td>
        {a.actions.score && !auto && !s.notApplicable ? (
          <NumberInput
            aria-label={`Điểm tự chấm ${n.code}`}
            size="xs"
            w={80}
            min={0}
            max={n.max ?? undefined}
            step={n.rule.kind === 'manual' && n.rule.step ? n.rule.step : 0.25}
            decimalSeparator=","
            defaultValue={s.selfScore ?? ''}
            onBlur={(e) => {
              const v = e.currentTarget.value.replace(',', '.');
              const score = v === '' ? null : Number(v);
              if (score !== s.selfScore) void run(parApi.score(a.id, n.criterionId, { score }));
            }}
          />
        ) : s.notApplicable ? (
          <Badge color="gray">Không áp dụng</Badge>
        ) : (
          fmt(s.selfScore)
        )}
        {a.actions.score && (
          <Checkbox
            mt={4}
            size="xs"
            label="Không áp dụng"
            checked={s.notApplicable}
            onChange={(e) =>
              void run(parApi.score(a.id, n.criterionId, { notApplicable: e.currentTarget.checked }))
            }
          />
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {s.evidence.map((e) => (
            <Group key={e.id} gap={4} wrap="nowrap">
              {e.hasFile ? (
                <Anchor size="xs" href={parApi.evidenceUrl(e.id)}>
                  {e.label}
                </Anchor>
              ) : (
                <Text size="xs">{e.label}</Text>
              )}
              {(a.actions.score || a.actions.explain) && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void run(parApi.withdrawEvidence(e.id))}
                >
                  Rút
                </Button>
              )}
            </Group>
          ))}
          {s.evidenceMissing && (
            <Text size="xs" c="orange">
              Chưa có tài liệu kiểm chứng
            </Text>
          )}
          {(a.actions.score || a.actions.explain) && (
            <Group gap={4}>
              <FileButton onChange={(f) => f && void run(parApi.attachFile(a.id, n.criterionId, f))}>
                {(props) => (
                  <Button size="compact-xs" variant="light" {...props}>
                    Tải tệp
                  </Button>
                )}
              </FileButton>
              <NumberInput
                size="xs"
                w={110}
                placeholder="Số tệp nhiệm vụ"
                aria-label={`Số tệp minh chứng nhiệm vụ ${n.code}`}
                value={taskEvidenceId}
                onChange={setTaskEvidenceId}
              />
              <Button
                size="compact-xs"
                variant="light"
                disabled={taskEvidenceId === ''}
                onClick={() =>
                  void run(parApi.link(a.id, n.criterionId, 'task_evidence', Number(taskEvidenceId)))
                }
              >
                Gắn
              </Button>
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {a.actions.score ? (
          <TextInput
            size="xs"
            aria-label={`Ghi chú ${n.code}`}
            value={note}
            error={s.explanationRequired ? 'Cần giải trình vì thiếu tài liệu kiểm chứng' : undefined}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() =>
              note !== (s.note ?? '') && void run(parApi.score(a.id, n.criterionId, { note: note || null }))
            }
          />
        ) : (
          <Text size="xs">{s.note}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {a.actions.appraise && !s.notApplicable ? (
          <Stack gap={2}>
            <NumberInput
              size="xs"
              w={80}
              aria-label={`Điểm thẩm định ${n.code}`}
              value={appraised}
              onChange={setAppraised}
              decimalSeparator=","
              min={0}
              max={n.max ?? undefined}
            />
            <TextInput
              size="xs"
              aria-label={`Lý do điều chỉnh ${n.code}`}
              placeholder="Lý do điều chỉnh"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              size="compact-xs"
              onClick={() =>
                void run(parApi.appraise(a.id, n.criterionId, Number(appraised), reason || null))
              }
            >
              Lưu điểm thẩm định
            </Button>
          </Stack>
        ) : (
          <>
            <Text size="sm">{fmt(s.appraisedScore)}</Text>
            {s.appraisalReason && (
              <Text size="xs" c="red">
                {s.appraisalReason}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>
        {a.actions.explain ? (
          <Stack gap={2}>
            <TextInput
              size="xs"
              aria-label={`Giải trình ${n.code}`}
              value={explanation}
              onChange={(e) => setExplanation(e.currentTarget.value)}
            />
            <Button
              size="compact-xs"
              variant="light"
              disabled={explanation.trim().length < 3}
              onClick={() => void run(parApi.explain(a.id, n.criterionId, explanation))}
            >
              Lưu giải trình
            </Button>
          </Stack>
        ) : (
          <Text size="xs">{s.explanation}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AssessmentView({ a, onChange }: { a: ParAssessment; onChange: (x: ParAssessment) => void }) {
  const [returnReason, setReturnReason] = useState('');
  const [surveyWeight, setSurveyWeight] = useState<number | string>('');
  const [surveyRate, setSurveyRate] = useState<number | string>('');
  const act = useMutation({
    mutationFn: (p: () => Promise<ParAssessment>) => p(),
    onSuccess: (x) => {
      onChange(x);
      notifySuccess(x.statusLabel);
    },
    onError: (e) => notifyError(e),
  });
  const t = a.totals.self;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>
            {a.unit.name} — năm {a.year}
          </Title>
          <Text size="sm" c="dimmed">
            {a.set.name} (phiên bản {a.set.version}){a.set.source ? ` · ${a.set.source}` : ''}
          </Text>
        </div>
        <Badge size="lg" color={PAR_STATUS_COLORS[a.status]} data-testid="par-status">
          {a.statusLabel}
        </Badge>
      </Group>
      <Group gap="xl">
        <Text data-testid="par-self">
          Tự chấm: <b>{fmt(t.score)}</b>/{fmt(t.reducedMax)} điểm · Chỉ số{' '}
          <b>{fmt(a.selfIndex ?? t.indexOn100)}</b>
        </Text>
        {a.totals.appraised && (
          <Text>
            Thẩm định: <b>{fmt(a.totals.appraised.score)}</b> · Chỉ số{' '}
            <b>{fmt(a.totals.appraised.indexOn100)}</b>
          </Text>
        )}
        {a.finalIndex !== null && (
          <Text data-testid="par-final">
            Chỉ số cuối cùng: <b>{fmt(a.finalIndex)}</b>
          </Text>
        )}
      </Group>
      <Text size="sm">
        Đã chấm {a.progress.scored}/{a.progress.leaves} tiêu chí thành phần; không áp dụng{' '}
        {a.progress.notApplicable}; thiếu tài liệu kiểm chứng {a.progress.evidenceMissing}; cần giải trình{' '}
        {a.progress.explanationMissing}.
      </Text>
      {a.returnReason && a.status === 'returned' && (
        <ErrorAlert title="Cấp trên đề nghị giải trình" error={new Error(a.returnReason)} />
      )}
      <Group>
        <Anchor href={parApi.fileUrl(a.id, 'scoring.xlsx')}>Bảng điểm (.xlsx)</Anchor>
        <Anchor href={parApi.fileUrl(a.id, 'report.docx')}>Báo cáo tự đánh giá (.docx)</Anchor>
        <Anchor href={parApi.fileUrl(a.id, 'evidence.zip')}>Bộ tài liệu kiểm chứng (.zip)</Anchor>
      </Group>
      <Group>
        {a.actions.submit && (
          <Button onClick={() => act.mutate(() => parApi.submit(a.id))} loading={act.isPending}>
            Gửi cấp trên thẩm định
          </Button>
        )}
        {a.actions.sendExplanations && (
          <Button onClick={() => act.mutate(() => parApi.sendExplanations(a.id))}>Gửi giải trình</Button>
        )}
        {a.actions.returnForExplanation && (
          <Group gap={4}>
            <TextInput
              aria-label="Nội dung đề nghị giải trình"
              placeholder="Nội dung đề nghị giải trình"
              value={returnReason}
              onChange={(e) => setReturnReason(e.currentTarget.value)}
            />
            <Button
              color="orange"
              variant="light"
              disabled={returnReason.trim().length < 3}
              onClick={() => act.mutate(() => parApi.returnForExplanation(a.id, returnReason))}
            >
              Trả lại để giải trình
            </Button>
          </Group>
        )}
        {a.actions.finalize && (
          <Group gap={4}>
            <NumberInput
              w={150}
              aria-label="Trọng số khảo sát"
              placeholder="Điểm khảo sát (0–50)"
              value={surveyWeight}
              onChange={setSurveyWeight}
              min={0}
              max={50}
            />
            <NumberInput
              w={150}
              aria-label="Tỷ lệ hài lòng"
              placeholder="Tỷ lệ hài lòng %"
              value={surveyRate}
              onChange={setSurveyRate}
              min={0}
              max={100}
            />
            <Button
              color="green"
              onClick={() =>
                act.mutate(() =>
                  parApi.finalize(a.id, {
                    surveyWeight: surveyWeight === '' ? null : Number(surveyWeight),
                    surveyRate: surveyRate === '' ? null : Number(surveyRate),
                  }),
                )
              }
            >
              Kết thúc thẩm định
            </Button>
          </Group>
        )}
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>STT</Table.Th>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th>Tối đa</Table.Th>
              <Table.Th>Tự chấm</Table.Th>
              <Table.Th>Tài liệu kiểm chứng</Table.Th>
              <Table.Th>Ghi chú, giải trình khi thiếu minh chứng</Table.Th>
              <Table.Th>Thẩm định</Table.Th>
              <Table.Th>Giải trình</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.nodes.map((n) =>
              n.isLeaf && n.score ? (
                <LeafRow key={`${n.criterionId}-${a.status}`} a={a} n={n} onChange={onChange} />
              ) : (
                <Table.Tr key={n.criterionId}>
                  <Table.Td fw={700}>{n.code}</Table.Td>
                  <Table.Td fw={n.depth === 1 ? 700 : 600}>{n.title}</Table.Td>
                  <Table.Td fw={700}>{fmt(n.max)}</Table.Td>
                  <Table.Td fw={700}>{fmt(n.selfSubtotal)}</Table.Td>
                  <Table.Td />
                  <Table.Td />
                  <Table.Td fw={700}>{fmt(n.appraisedSubtotal)}</Table.Td>
                  <Table.Td />
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CriteriaImport({ unitId, year }: { unitId: number; year: number }) {
  const qc = useQueryClient();
  const sets = useQuery({ queryKey: ['par-sets', unitId], queryFn: () => parApi.sets(unitId) });
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('school');
  const [source, setSource] = useState('');
  const preview = useMutation({
    mutationFn: (f: File) => parApi.previewCriteria(f),
    onError: (e) => notifyError(e),
  });
  const save = useMutation({
    mutationFn: () =>
      parApi.importCriteria(file!, { unitId, name, year, unitKind: kind, source: source || null }),
    onSuccess: (r) => {
      notifySuccess(`Đã nhập bộ tiêu chí, phiên bản ${r.version}.`);
      void qc.invalidateQueries({ queryKey: ['par-sets', unitId] });
    },
    onError: (e) => notifyError(e),
  });
  if (!sets.data) return null;
  return (
    <Card withBorder>
      <Title order={4}>Bộ tiêu chí</Title>
      {sets.data.items.length === 0 ? (
        <EmptyText>Chưa có bộ tiêu chí nào.</EmptyText>
      ) : (
        sets.data.items.map((s) => (
          <Text key={s.id} size="sm">
            {s.name} · năm {s.year} · phiên bản {s.version} · {s.totalMax} điểm · {s.owner.name}
            {s.status === 'superseded' ? ' (đã thay thế)' : ''}
          </Text>
        ))
      )}
      {sets.data.actions.import && (
        <Stack mt="sm" gap="xs">
          <Group>
            <FileButton
              accept=".xlsx"
              onChange={(f) => {
                setFile(f);
                if (f) preview.mutate(f);
              }}
            >
              {(props) => (
                <Button variant="light" {...props}>
                  Chọn tệp bộ tiêu chí (.xlsx)
                </Button>
              )}
            </FileButton>
            {file && <Text size="sm">{file.name}</Text>}
          </Group>
          {preview.data && (
            <Stack gap={2} data-testid="par-preview">
              <Text size="sm">
                {preview.data.totals.fields} lĩnh vực · {preview.data.totals.criteria} tiêu chí ·{' '}
                {preview.data.totals.leaves} tiêu chí thành phần · tổng {fmt(preview.data.totals.totalMax)}{' '}
                điểm
              </Text>
              {preview.data.totals.perField.map((f) => (
                <Text key={f.code} size="xs">
                  {f.code}. {f.title}: {fmt(f.max)} điểm
                </Text>
              ))}
              {preview.data.issues.map((i) => (
                <Text key={`${i.row}-${i.code}`} size="xs" c="red">
                  Dòng {i.row}
                  {i.code ? ` (${i.code})` : ''}: {i.message}
                </Text>
              ))}
            </Stack>
          )}
          <Group align="flex-end">
            <TextInput
              label="Tên bộ tiêu chí"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={320}
            />
            <Select
              label="Áp dụng cho"
              value={kind}
              onChange={setKind}
              clearable
              placeholder="Mọi loại đơn vị"
              data={[
                { value: 'school', label: 'Trường học' },
                { value: 'kindergarten', label: 'Trường mầm non' },
                { value: 'ward', label: 'Phường, xã, đặc khu' },
                { value: 'department', label: 'Sở, ban, ngành' },
                { value: 'office', label: 'Phòng, cơ quan chuyên môn' },
                { value: 'service_unit', label: 'Đơn vị sự nghiệp' },
              ]}
            />
            <TextInput
              label="Văn bản ban hành"
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              w={320}
            />
            <Button
              disabled={!file || !preview.data?.ok || name.trim().length < 3}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              Nhập bộ tiêu chí năm {year}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function Ranking({ unitId, year }: { unitId: number; year: number }) {
  const q = useQuery({
    queryKey: ['par-ranking', unitId, year],
    queryFn: () => parApi.ranking(unitId, year),
  });
  if (!q.data || q.data.rows.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={4}>Xếp hạng Chỉ số CCHC các đơn vị trực thuộc năm {year}</Title>
      <Table data-testid="par-ranking">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Hạng</Table.Th>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th>Tự chấm</Table.Th>
            <Table.Th>Chỉ số</Table.Th>
            <Table.Th>Năm trước</Table.Th>
            <Table.Th>Tăng, giảm</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.rows.map((r) => (
            <Table.Tr key={r.unit.id}>
              <Table.Td>{r.rank ?? '—'}</Table.Td>
              <Table.Td>
                {r.assessmentId ? (
                  <Anchor component={Link} to={`/chi-so-cchc/${r.assessmentId}`}>
                    {r.unit.name}
                  </Anchor>
                ) : (
                  r.unit.name
                )}
              </Table.Td>
              <Table.Td>{r.statusLabel}</Table.Td>
              <Table.Td>{fmt(r.selfIndex)}</Table.Td>
              <Table.Td>{fmt(r.finalIndex)}</Table.Td>
              <Table.Td>{fmt(r.previous)}</Table.Td>
              <Table.Td>{r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${fmt(r.change)}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function ParPage() {
  const me = useCurrentUser();
  const params = useParams();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const assessmentId = params.id ? Number(params.id) : null;
  const own = useQuery({
    queryKey: ['par-unit-year', me.unit.id, year],
    queryFn: () => parApi.unitYear(me.unit.id, year),
    enabled: assessmentId === null,
  });
  const other = useQuery({
    queryKey: ['par-assessment', assessmentId],
    queryFn: () => parApi.assessment(assessmentId!),
    enabled: assessmentId !== null,
  });
  const start = useMutation({
    mutationFn: () => parApi.start(me.unit.id, year),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['par-unit-year', me.unit.id, year] }),
    onError: (e) => notifyError(e),
  });
  const setAssessment = (x: ParAssessment) => {
    if (assessmentId !== null) qc.setQueryData(['par-assessment', assessmentId], x);
    else
      qc.setQueryData(['par-unit-year', me.unit.id, year], {
        assessment: x,
        applicableSet: null,
        actions: { start: false },
      });
    void qc.invalidateQueries({ queryKey: ['par-ranking'] });
  };
  const q = assessmentId !== null ? other : own;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Chỉ số cải cách hành chính</Title>
          <Text c="dimmed">Tự đánh giá, chấm điểm có tài liệu kiểm chứng; thẩm định và xếp hạng</Text>
        </div>
        {assessmentId === null && (
          <Select
            aria-label="Năm"
            w={120}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            data={[year - 1, year, year + 1].map((y) => String(y))}
          />
        )}
      </Group>
      {q.isLoading && <PageLoader />}
      {q.error && <ErrorAlert error={q.error} />}
      {assessmentId !== null && other.data && <AssessmentView a={other.data} onChange={setAssessment} />}
      {assessmentId === null && own.data && (
        <Card withBorder>
          {own.data.assessment ? (
            <AssessmentView a={own.data.assessment} onChange={setAssessment} />
          ) : own.data.applicableSet ? (
            <Group>
              <Text>
                Bộ tiêu chí áp dụng: {own.data.applicableSet.name} ({own.data.applicableSet.totalMax} điểm).
              </Text>
              {own.data.actions.start && (
                <Button onClick={() => start.mutate()} loading={start.isPending}>
                  Bắt đầu tự chấm năm {year}
                </Button>
              )}
            </Group>
          ) : (
            <EmptyText>Cấp trên chưa ban hành bộ tiêu chí năm {year} cho đơn vị.</EmptyText>
          )}
        </Card>
      )}
      {assessmentId === null && me.unit.hasChildren && <Ranking unitId={me.unit.id} year={year} />}
      {assessmentId === null && <CriteriaImport unitId={me.unit.id} year={year} />}
    </Stack>
  );
}
