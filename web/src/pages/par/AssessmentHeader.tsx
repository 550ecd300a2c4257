import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { parApi } from '../../api/par.js';
import type { ParAssessment } from '../../api/par.js';
import { ErrorAlert } from '../../components/common.js';
import { PAR_STATUS_COLORS } from '../../../../src/shared/par.js';
import { fmt } from './format.js';

/** The unit, year, set and state of an assessment, its totals and progress, and its downloads. */
export function AssessmentHeader({ a }: { a: ParAssessment }) {
  const t = a.totals.self;
  return (
    <>
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
    </>
  );
}
