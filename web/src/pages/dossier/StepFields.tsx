import { Alert, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DossierDetail, ReturnMethod, StepKind } from '../../api/dossiers.js';
import { MomentInput } from '../../components/dossier.js';
import { formatDateTime } from '../../lib/format.js';
import { RETURN_METHOD_LABELS } from '../../lib/labels.js';
import { STEP_LIMITS } from '../../../../src/shared/dossiers.js';
import { vnDatePlus } from './steps.js';
import type { StepValues } from './steps.js';

type Form = ReturnType<typeof useForm<StepValues>>;

/** What a step without fields records, and a warning when resolving late. */
const confirmation = (d: DossierDetail, kind: 'resolved' | 'supplement_received' | 'withdrawn') => (
  <Text size="sm">
    {kind === 'resolved'
      ? 'Ghi nhận hồ sơ đã có kết quả giải quyết; sau đó trả kết quả cho người nộp.'
      : kind === 'supplement_received'
        ? 'Ghi nhận người nộp đã bổ sung hồ sơ: thời hạn giải quyết tiếp tục được tính.'
        : 'Ghi nhận người nộp rút hồ sơ: hồ sơ kết thúc.'}
    {d.endedAt === null && Date.parse(d.appointmentAt) < Date.now() && kind === 'resolved' && (
      <Text span c="red" fw={600}>
        {' '}
        Hồ sơ đã quá hẹn trả: sẽ được tính là trễ hạn.
      </Text>
    )}
  </Text>
);

/** The fields of one kind of step (the backdating and the buttons are the dialog's). */
export function StepFields({ d, kind, form }: { d: DossierDetail; kind: StepKind; form: Form }) {
  const promise = d.apologyAppointmentAt ?? d.appointmentAt;
  const values = form.getValues();
  switch (kind) {
    case 'supplement_requested':
      return (
        <>
          {d.supplementRequests > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              Hồ sơ đã được yêu cầu bổ sung {d.supplementRequests} lần: yêu cầu thêm lần nữa thì hồ sơ bị tính
              là quá hạn.
            </Alert>
          )}
          <Textarea
            label="Lý do yêu cầu bổ sung, hoàn thiện"
            {...form.getInputProps('reason')}
            required
            autosize
            minRows={2}
            maxLength={STEP_LIMITS.reason}
            data-autofocus
            data-testid="step-reason"
          />
          <Textarea
            label="Nội dung cần bổ sung"
            description="Mỗi dòng một nội dung (in trên Mẫu 02)"
            {...form.getInputProps('items')}
            autosize
            minRows={2}
          />
          <Text size="xs" c="dimmed">
            Thời gian người dân bổ sung hồ sơ không tính vào thời hạn giải quyết.
          </Text>
        </>
      );
    case 'refused':
      return (
        <Textarea
          label="Lý do từ chối"
          description="Mỗi dòng một lý do (in trên Mẫu 03)"
          {...form.getInputProps('reason')}
          required
          autosize
          minRows={3}
          data-autofocus
          data-testid="step-reason"
        />
      );
    case 'transferred':
      return (
        <>
          <TextInput
            label="Bên giao"
            {...form.getInputProps('from')}
            required
            maxLength={STEP_LIMITS.party}
            data-testid="step-from"
          />
          <TextInput
            label="Bên nhận"
            placeholder="Ví dụ: Công chức Tư pháp – Hộ tịch"
            {...form.getInputProps('to')}
            required
            maxLength={STEP_LIMITS.party}
            data-autofocus
            data-testid="step-to"
          />
          <TextInput label="Ghi chú" {...form.getInputProps('note')} maxLength={STEP_LIMITS.note} />
        </>
      );
    case 'returned':
      return (
        <Radio.Group label="Hình thức trả kết quả" {...form.getInputProps('method')} required>
          <Stack gap="xs" mt={6}>
            {(Object.keys(RETURN_METHOD_LABELS) as ReturnMethod[]).map((m) => (
              <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m]} data-testid={`step-method-${m}`} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'apology_issued':
      return (
        <>
          <Text size="sm">
            Hẹn trả hiện tại: <b>{formatDateTime(promise)}</b>. Phiếu xin lỗi phải gửi trước thời điểm này,
            với ngày hẹn mới sau nó.
          </Text>
          <MomentInput
            label="Ngày hẹn trả mới"
            description="Sau ngày hẹn hiện tại"
            date={values.newDate}
            time={values.newTime}
            onDate={(v) => form.setFieldValue('newDate', v)}
            onTime={(v) => form.setFieldValue('newTime', v)}
            minDate={vnDatePlus(promise, 0)}
            required
            testId="step-new-appointment"
          />
          <Textarea
            label="Lý do chậm trả kết quả"
            {...form.getInputProps('reason')}
            required
            autosize
            minRows={2}
            maxLength={STEP_LIMITS.reason}
            data-testid="step-reason"
          />
        </>
      );
    case 'resolved':
    case 'supplement_received':
    case 'withdrawn':
      return confirmation(d, kind);
  }
}
