import { Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { procedureApi, procedureKeys } from '../../api/procedures.js';
import type { OnlineLevel, Procedure, ResultType, TimeLimitUnit } from '../../api/procedures.js';
import { ErrorAlert, FormActions, notifySuccess } from '../../components/common.js';
import {
  ONLINE_LEVEL_LABELS,
  RESULT_TYPE_LABELS,
  TIME_LIMIT_UNIT_LABELS,
  TIME_LIMIT_UNITS,
} from '../../lib/labels.js';
import { PROCEDURE_LIMITS } from '../../../../src/shared/dossiers.js';

interface ProcedureValues {
  code: string;
  name: string;
  field: string;
  limitAmount: number | string;
  limitUnit: TimeLimitUnit;
  feeText: string;
  feeBearing: boolean;
  onlineLevel: OnlineLevel;
  resultType: ResultType;
  active: boolean;
}

const initialValues = (p: Procedure | null): ProcedureValues => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  field: p?.field ?? '',
  limitAmount: p?.limitAmount ?? '',
  limitUnit: p?.limitUnit ?? 'working_days',
  feeText: p?.feeText ?? '',
  feeBearing: p?.feeBearing ?? false,
  onlineLevel: p?.onlineLevel ?? 'partial',
  resultType: p?.resultType ?? 'paper',
  active: p?.active ?? true,
});

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

/** The procedure to save; throws the Vietnamese message when the time limit is missing. */
function procedureInput(unitId: number, v: ProcedureValues) {
  const amount =
    typeof v.limitAmount === 'number' ? v.limitAmount : Number(String(v.limitAmount).replace(',', '.'));
  if (!(amount > 0)) throw new Error('Nhập thời hạn giải quyết (lớn hơn 0).');
  return {
    unitId,
    code: v.code.trim(),
    name: v.name.trim(),
    field: v.field.trim() || null,
    limitUnit: v.limitUnit,
    limitAmount: amount,
    feeText: v.feeText.trim() || null,
    feeBearing: v.feeBearing,
    onlineLevel: v.onlineLevel,
    resultType: v.resultType,
    active: v.active,
  };
}

/** A fee written where there was none marks the procedure fee-bearing. */
const onFeeText =
  (form: ReturnType<typeof useForm<ProcedureValues>>) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const next = e.currentTarget.value;
    if (next.trim() && !form.getValues().feeText.trim()) form.setFieldValue('feeBearing', true);
    form.setFieldValue('feeText', next);
  };

/** Adds a procedure to the catalogue (`procedure` null) or edits one. */
export function ProcedureModal({
  unitId,
  procedure,
  onClose,
}: {
  unitId: number;
  procedure: Procedure | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const form = useForm<ProcedureValues>({ initialValues: initialValues(procedure) });
  const save = useMutation({
    mutationFn: () => {
      const input = procedureInput(unitId, form.getValues());
      return procedure ? procedureApi.update(procedure.id, input) : procedureApi.create(input);
    },
    onSuccess: async (p) => {
      notifySuccess(procedure ? `Đã lưu thủ tục ${p.code}.` : `Đã thêm thủ tục ${p.code}.`);
      await qc.invalidateQueries({ queryKey: procedureKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={procedure ? `Sửa thủ tục ${procedure.code}` : 'Thêm thủ tục'}
      size="lg"
    >
      <form onSubmit={form.onSubmit(() => save.mutate())} data-testid="procedure-form">
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label="Mã thủ tục"
              description="Theo Cơ sở dữ liệu quốc gia"
              {...form.getInputProps('code')}
              required
              maxLength={PROCEDURE_LIMITS.code}
              data-autofocus
              data-testid="procedure-code"
            />
            <TextInput
              label="Lĩnh vực"
              description="Ví dụ: Hộ tịch"
              {...form.getInputProps('field')}
              maxLength={PROCEDURE_LIMITS.field}
              style={{ gridColumn: 'span 2' }}
              data-testid="procedure-field"
            />
          </SimpleGrid>
          <TextInput
            label="Tên thủ tục"
            {...form.getInputProps('name')}
            required
            minLength={3}
            maxLength={PROCEDURE_LIMITS.name}
            data-testid="procedure-name"
          />
          <Group gap="sm" align="flex-end" grow>
            <NumberInput
              label="Thời hạn giải quyết"
              {...form.getInputProps('limitAmount')}
              min={0.5}
              max={PROCEDURE_LIMITS.limitAmount}
              decimalScale={1}
              decimalSeparator=","
              required
              data-testid="procedure-limit-amount"
            />
            <Select
              label="Đơn vị"
              data={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: TIME_LIMIT_UNIT_LABELS[u] }))}
              value={form.getValues().limitUnit}
              onChange={(v) => v && form.setFieldValue('limitUnit', v)}
              allowDeselect={false}
              data-testid="procedure-limit-unit"
            />
          </Group>
          <TextInput
            label="Phí, lệ phí"
            placeholder="Ví dụ: 8.000 đồng/bản; để trống nếu không thu"
            {...form.getInputProps('feeText')}
            onChange={onFeeText(form)}
            maxLength={PROCEDURE_LIMITS.feeText}
          />
          <Switch
            label="Thủ tục có thu phí, lệ phí (tính tỷ lệ thanh toán trực tuyến)"
            {...form.getInputProps('feeBearing', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label="Mức độ dịch vụ công trực tuyến"
              data={options(ONLINE_LEVEL_LABELS)}
              value={form.getValues().onlineLevel}
              onChange={(v) => v && form.setFieldValue('onlineLevel', v)}
              allowDeselect={false}
            />
            <Select
              label="Kết quả giải quyết"
              data={options(RESULT_TYPE_LABELS)}
              value={form.getValues().resultType}
              onChange={(v) => v && form.setFieldValue('resultType', v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {procedure && (
            <Switch
              label="Đang áp dụng (bỏ chọn: không tiếp nhận hồ sơ mới của thủ tục này)"
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          )}
          <FormActions onCancel={onClose} loading={save.isPending} testId="procedure-save">
            {procedure ? 'Lưu' : 'Thêm thủ tục'}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
