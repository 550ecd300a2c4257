import { Card, Checkbox, Stack, Text } from '@mantine/core';
import { MomentInput } from '../../components/dossier.js';
import { vietnamToday } from '../../lib/period.js';
import type { ReceiveForm } from './receive.js';

/** A dossier received earlier, written into the register afterwards: its reception moment. */
export function ReceiveEarlierCard({ form }: { form: ReceiveForm }) {
  const v = form.getValues();
  return (
    <Card withBorder radius="md" padding="md">
      <Checkbox
        label="Hồ sơ đã tiếp nhận trước đây (ghi bổ sung vào sổ)"
        {...form.getInputProps('earlier', { type: 'checkbox' })}
        data-testid="receive-earlier"
      />
      {v.earlier && (
        <Stack mt="sm" gap={4}>
          <MomentInput
            label="Ngày tiếp nhận"
            date={v.receivedDate}
            time={v.receivedTime}
            onDate={(d) => form.setFieldValue('receivedDate', d)}
            onTime={(t) => form.setFieldValue('receivedTime', t)}
            maxDate={vietnamToday()}
            required
            testId="receive-at"
          />
          <Text size="xs" c="dimmed">
            Ngày hẹn trả được tính từ thời điểm này; hồ sơ đã quá hẹn sẽ được ghi là quá hạn.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
