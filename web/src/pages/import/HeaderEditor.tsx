import { Card, NumberInput, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { PlanDraft } from '../../api/plan-import.js';
import { formatDate, parseVnDate } from '../../lib/format.js';

/** The plan's number, date, year, issuing unit and title, as read and corrected. */
export function HeaderEditor({
  draft,
  update,
}: {
  draft: PlanDraft;
  update: (fn: (d: PlanDraft) => PlanDraft) => void;
}) {
  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]) =>
    update((d) => ({ ...d, [key]: value }));
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-header">
      <Title order={3} size="h4" mb="sm">
        Thông tin kế hoạch
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput
          label="Số kế hoạch"
          value={draft.number ?? ''}
          onChange={(e) => set('number', e.currentTarget.value.trim() || null)}
          maxLength={64}
          data-testid="draft-number"
        />
        <DateInput
          label="Ngày ban hành"
          value={draft.issuedOn}
          onChange={(v) => set('issuedOn', v)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVnDate}
          placeholder="dd/mm/yyyy"
          clearable
          data-testid="draft-issued-on"
        />
        <NumberInput
          label="Năm kế hoạch"
          value={draft.year ?? ''}
          onChange={(v) => set('year', typeof v === 'number' ? v : null)}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          required
          error={draft.year ? undefined : 'Nhập năm của kế hoạch'}
          data-testid="draft-year"
        />
        <TextInput
          label="Đơn vị ban hành (theo văn bản)"
          value={draft.unitName ?? ''}
          onChange={(e) => set('unitName', e.currentTarget.value || null)}
          maxLength={300}
        />
      </SimpleGrid>
      <TextInput
        mt="sm"
        label="Tên kế hoạch"
        value={draft.title ?? ''}
        onChange={(e) => set('title', e.currentTarget.value || null)}
        maxLength={500}
        data-testid="draft-title"
      />
      {draft.issuedOn && (
        <Text size="xs" c="dimmed" mt={4}>
          Ban hành ngày {formatDate(draft.issuedOn)}
          {draft.superiorName ? ` · Cơ quan cấp trên: ${draft.superiorName}` : ''}
        </Text>
      )}
    </Card>
  );
}
