import { Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  REGULATION_LIMITS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
} from '../../../../src/shared/documents.js';
import { regulationsApi } from '../../api/regulations.js';
import type { Regulation, ReviewInput } from '../../api/regulations.js';
import { ErrorAlert, FormActions } from '../../components/common.js';
import { parseVnDate } from '../../lib/format.js';

type Outcome = ReviewInput['outcome'];

/** Records a review (the next date moves one cycle on) or repeals the regulation with a reason. */
export function RegulationReviewModal({
  regulation: r,
  onClose,
  onDone,
}: {
  regulation: Regulation;
  onClose: () => void;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<'review' | 'repeal'>(r.actions.review ? 'review' : 'repeal');
  const [reviewedOn, setReviewedOn] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('kept');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: async () => {
      if (mode === 'repeal') return void (await regulationsApi.repeal(r.id, note));
      if (!reviewedOn) throw new Error('Hãy chọn ngày rà soát.');
      await regulationsApi.review(r.id, { reviewedOn, outcome, note: note.trim() || null });
    },
    onSuccess: onDone,
  });
  return (
    <Modal opened onClose={onClose} title={r.title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {r.actions.review && r.actions.repeal && (
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v)}
              data={[
                { value: 'review', label: 'Ghi kết quả rà soát' },
                { value: 'repeal', label: 'Bãi bỏ quy chế' },
              ]}
            />
          )}
          {mode === 'review' ? (
            <>
              <DateInput
                label="Ngày rà soát"
                value={reviewedOn}
                onChange={setReviewedOn}
                valueFormat="DD/MM/YYYY"
                dateParser={parseVnDate}
                placeholder="dd/mm/yyyy"
                required
              />
              <Select
                label="Kết quả"
                data={REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }))}
                value={outcome}
                onChange={(v) => v && setOutcome(v)}
                allowDeselect={false}
              />
              <Text size="xs" c="dimmed">
                Ngày rà soát tiếp theo được tính lại: một chu kỳ ({r.reviewMonths} tháng) sau ngày rà soát.
              </Text>
            </>
          ) : (
            <Text size="sm">Quy chế bãi bỏ vẫn được lưu, không bị xóa.</Text>
          )}
          <Textarea
            label={mode === 'repeal' ? 'Lý do bãi bỏ' : 'Ghi chú'}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={mode === 'repeal' ? REGULATION_LIMITS.repealReason : REGULATION_LIMITS.note}
            autosize
            minRows={2}
            required={mode === 'repeal'}
          />
          {save.isError && <ErrorAlert error={save.error} />}
          <FormActions
            onCancel={onClose}
            loading={save.isPending}
            color={mode === 'repeal' ? 'red' : undefined}
          >
            {mode === 'repeal' ? 'Bãi bỏ' : 'Lưu kết quả rà soát'}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
