import { Button, Card, Group, Text } from '@mantine/core';
import type { ParAssessment, ParUnitYear } from '../../api/par.js';
import { EmptyText } from '../../components/common.js';
import { AssessmentView } from './AssessmentView.js';

interface OwnYearProps {
  data: ParUnitYear;
  year: number;
  onChange: (x: ParAssessment) => void;
  onStart: () => void;
  starting: boolean;
}

/** The unit's own year: its assessment, or the set that applies and the start of the self-assessment. */
export function OwnYearCard({ data, year, onChange, onStart, starting }: OwnYearProps) {
  return (
    <Card withBorder>
      {data.assessment ? (
        <AssessmentView a={data.assessment} onChange={onChange} />
      ) : data.applicableSet ? (
        <Group>
          <Text>
            Bộ tiêu chí áp dụng: {data.applicableSet.name} ({data.applicableSet.totalMax} điểm).
          </Text>
          {data.actions.start && (
            <Button onClick={onStart} loading={starting}>
              Bắt đầu tự chấm năm {year}
            </Button>
          )}
        </Group>
      ) : (
        <EmptyText>Cấp trên chưa ban hành bộ tiêu chí năm {year} cho đơn vị.</EmptyText>
      )}
    </Card>
  );
}
