/**
 * The PAR Index (Chỉ số CCHC): the unit's self-assessment of the year with evidence, the
 * superior's appraisal and ranking of its units, and the import of criteria sets. The buttons
 * shown are the actions the server sends with the assessment.
 */
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { parApi, parKeys } from '../../api/par.js';
import type { ParAssessment, ParUnitYear } from '../../api/par.js';
import { ErrorAlert, PageLoader, notifyError } from '../../components/common.js';
import { useCurrentUser } from '../../session.js';
import { AssessmentView } from './AssessmentView.js';
import { CriteriaImport } from './CriteriaImport.js';
import { OwnYearCard } from './OwnYearCard.js';
import { Ranking } from './Ranking.js';

export function ParPage() {
  const me = useCurrentUser();
  const params = useParams();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const assessmentId = params.id ? Number(params.id) : null;
  const own = useQuery({
    queryKey: parKeys.unitYear(me.unit.id, year),
    queryFn: () => parApi.unitYear(me.unit.id, year),
    enabled: assessmentId === null,
  });
  const other = useQuery({
    queryKey: parKeys.assessment(assessmentId),
    queryFn: () => parApi.assessment(assessmentId!),
    enabled: assessmentId !== null,
  });
  const start = useMutation({
    mutationFn: () => parApi.start(me.unit.id, year),
    onSuccess: () => void qc.invalidateQueries({ queryKey: parKeys.unitYear(me.unit.id, year) }),
    onError: (e) => notifyError(e),
  });
  const setAssessment = (x: ParAssessment) => {
    if (assessmentId !== null) qc.setQueryData(parKeys.assessment(assessmentId), x);
    else
      qc.setQueryData<ParUnitYear>(parKeys.unitYear(me.unit.id, year), {
        assessment: x,
        applicableSet: null,
        actions: { start: false },
      });
    void qc.invalidateQueries({ queryKey: parKeys.rankings() });
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
        <OwnYearCard
          data={own.data}
          year={year}
          onChange={setAssessment}
          onStart={() => start.mutate()}
          starting={start.isPending}
        />
      )}
      {assessmentId === null && me.unit.hasChildren && <Ranking unitId={me.unit.id} year={year} />}
      {assessmentId === null && <CriteriaImport unitId={me.unit.id} year={year} />}
    </Stack>
  );
}
