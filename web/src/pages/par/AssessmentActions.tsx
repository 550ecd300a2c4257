import { Button, Group, NumberInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { parApi } from '../../api/par.js';
import type { ParAssessment } from '../../api/par.js';
import { notifyError, notifySuccess } from '../../components/common.js';
import { PAR_LIMITS } from '../../../../src/shared/par.js';
import { ReasonForm } from './ReasonForm.js';

const numberOrNull = (v: number | string) => (v === '' ? null : Number(v));

/** The state changes the server allows the reader: submit, send explanations, return, finalise. */
export function AssessmentActions({
  a,
  onChange,
}: {
  a: ParAssessment;
  onChange: (x: ParAssessment) => void;
}) {
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
  return (
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
          <ReasonForm
            label="Nội dung đề nghị giải trình"
            button="Trả lại để giải trình"
            buttonProps={{ color: 'orange' }}
            onSend={(reason) => act.mutate(() => parApi.returnForExplanation(a.id, reason))}
          />
        </Group>
      )}
      {a.actions.finalize && (
        <Group gap={4}>
          <NumberInput
            w={150}
            aria-label="Trọng số khảo sát"
            placeholder={`Điểm khảo sát (0–${PAR_LIMITS.surveyWeightMax})`}
            value={surveyWeight}
            onChange={setSurveyWeight}
            min={0}
            max={PAR_LIMITS.surveyWeightMax}
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
                  surveyWeight: numberOrNull(surveyWeight),
                  surveyRate: numberOrNull(surveyRate),
                }),
              )
            }
          >
            Kết thúc thẩm định
          </Button>
        </Group>
      )}
    </Group>
  );
}
