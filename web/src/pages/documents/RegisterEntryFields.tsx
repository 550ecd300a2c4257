import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { dateProps } from './registerValues.js';
import type { RegisterFieldsProps } from './registerValues.js';
import { DOCUMENT_LIMITS } from '../../../../src/shared/documents.js';

/** Type, dates, numbers, summary and parties of the entry. */
export function RegisterEntryFields({ v, set, options, outgoing }: RegisterFieldsProps) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Loại văn bản"
          data={options.types.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }))}
          value={v.docType}
          onChange={(x) => set('docType', x)}
          searchable
          allowDeselect={false}
          required
        />
        <DateInput
          label={outgoing ? 'Ngày ban hành' : 'Ngày văn bản'}
          value={v.documentDate}
          onChange={(x) => set('documentDate', x)}
          {...dateProps}
        />
      </SimpleGrid>
      {!outgoing && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Số, ký hiệu"
            value={v.numberText}
            onChange={(e) => set('numberText', e.currentTarget.value)}
            maxLength={DOCUMENT_LIMITS.numberText}
            placeholder="15/UBND-VP"
          />
          <DateInput
            label="Ngày đến"
            value={v.receivedOn}
            onChange={(x) => set('receivedOn', x)}
            {...dateProps}
          />
        </SimpleGrid>
      )}
      <Textarea
        label="Trích yếu"
        value={v.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        maxLength={DOCUMENT_LIMITS.summary}
        autosize
        minRows={2}
        required
      />
      <TextInput
        label={outgoing ? 'Nơi nhận' : 'Nơi gửi'}
        value={v.party}
        onChange={(e) => set('party', e.currentTarget.value)}
        maxLength={outgoing ? DOCUMENT_LIMITS.recipients : DOCUMENT_LIMITS.sender}
      />
      {!outgoing && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Đơn vị, người xử lý"
            value={v.handlingUnit}
            onChange={(e) => set('handlingUnit', e.currentTarget.value)}
            maxLength={DOCUMENT_LIMITS.handlingUnit}
          />
          <DateInput label="Hạn xử lý" value={v.dueDate} onChange={(x) => set('dueDate', x)} {...dateProps} />
        </SimpleGrid>
      )}
    </>
  );
}
