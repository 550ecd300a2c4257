import { Card, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import type { Procedure } from '../../api/procedures.js';
import { DOSSIER_CHANNEL_LABELS, DOSSIER_CHANNELS, ONLINE_LEVEL_LABELS } from '../../lib/labels.js';
import type { ReceiveForm } from './receive.js';

/** The procedure (with its time limit and fee) and the channel the dossier came by. */
export function ReceiveProcedureCard({
  form,
  procedures,
  procedure,
}: {
  form: ReceiveForm;
  procedures: Procedure[];
  procedure: Procedure | undefined;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h4" mb="sm">
        Thủ tục và kênh tiếp nhận
      </Title>
      <Stack gap="sm">
        <Select
          label="Thủ tục hành chính"
          placeholder="Chọn thủ tục"
          data={procedures.map((p) => ({ value: String(p.id), label: `${p.code} – ${p.name}` }))}
          value={form.getValues().procedureId}
          onChange={(v) => form.setFieldValue('procedureId', v)}
          searchable
          nothingFoundMessage="Không có thủ tục phù hợp"
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="receive-procedure"
        />
        {procedure && (
          <Paper withBorder p="xs" radius="md" bg="blue.0" data-testid="receive-procedure-info">
            <Text size="sm">
              Thời hạn giải quyết: <b data-testid="receive-limit">{procedure.limitText}</b>
            </Text>
            <Text size="xs" c="dimmed">
              {procedure.feeText
                ? `Phí, lệ phí: ${procedure.feeText}`
                : procedure.feeBearing
                  ? 'Có phí, lệ phí'
                  : 'Không thu phí, lệ phí'}
              {' · '}
              {ONLINE_LEVEL_LABELS[procedure.onlineLevel]}
              {procedure.field ? ` · Lĩnh vực: ${procedure.field}` : ''}
            </Text>
          </Paper>
        )}
        <Radio.Group label="Kênh tiếp nhận" {...form.getInputProps('channel')} required>
          <Group gap="md" mt={6}>
            {DOSSIER_CHANNELS.map((c) => (
              <Radio
                key={c}
                value={c}
                label={DOSSIER_CHANNEL_LABELS[c]}
                data-testid={`receive-channel-${c}`}
              />
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Card>
  );
}
