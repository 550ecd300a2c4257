import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { IconHandStop } from '@tabler/icons-react';
import { dossierApi } from '../../api/dossiers.js';
import type { DossierDetail, StepKind, StepResult } from '../../api/dossiers.js';
import { ErrorAlert, notifySuccess } from '../../components/common.js';
import { MomentInput } from '../../components/dossier.js';
import { vietnamToday } from '../../lib/period.js';
import { StepFields } from './StepFields.js';
import { initialStepValues, STEP_COLORS, STEP_ICONS, STEP_LABELS, stepBody, stepValid } from './steps.js';
import type { StepValues } from './steps.js';
import { useDossierChanged } from './useDossierChanged.js';

/** The dialog recording one step (`kind`) of a dossier, at once or at an earlier moment. */
export function StepModal({
  d,
  kind,
  onClose,
  onRatingUrl,
}: {
  d: DossierDetail;
  kind: StepKind;
  onClose: () => void;
  onRatingUrl: (url: string) => void;
}) {
  const changed = useDossierChanged(d.id);
  const form = useForm<StepValues>({ initialValues: initialStepValues(d) });
  const values = form.getValues();

  const save = useMutation({
    mutationFn: () => dossierApi.step(d.id, stepBody(kind, form.getValues())),
    onSuccess: async (result: StepResult) => {
      const { ratingUrl, ...detail } = result;
      notifySuccess(`Đã ghi: ${STEP_LABELS[kind]}.`);
      await changed(detail);
      onClose();
      if (kind === 'returned' && ratingUrl) onRatingUrl(ratingUrl);
    },
  });

  return (
    <Modal opened onClose={onClose} title={`${STEP_LABELS[kind]} – ${d.code}`} size="lg">
      <form onSubmit={form.onSubmit(() => save.mutate())} data-testid="step-form" data-kind={kind}>
        <Stack>
          <StepFields d={d} kind={kind} form={form} />
          <Checkbox
            label="Ghi thời điểm khác (việc đã làm trước đây)"
            {...form.getInputProps('backdated', { type: 'checkbox' })}
          />
          {values.backdated && (
            <MomentInput
              label="Thời điểm thực hiện"
              date={values.atDate}
              time={values.atTime}
              onDate={(v) => form.setFieldValue('atDate', v)}
              onTime={(v) => form.setFieldValue('atTime', v)}
              maxDate={vietnamToday()}
              required
              testId="step-at"
            />
          )}
          {save.isError && <ErrorAlert error={save.error} title="Không ghi được" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!stepValid(kind, values)}
              color={STEP_COLORS[kind]}
              leftSection={
                kind === 'withdrawn' || kind === 'refused' ? <IconHandStop size={16} /> : STEP_ICONS[kind]
              }
              data-testid="step-submit"
            >
              {kind === 'supplement_received' || kind === 'resolved' || kind === 'withdrawn'
                ? 'Xác nhận'
                : 'Ghi nhận'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
