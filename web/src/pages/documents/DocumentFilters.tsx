import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { DocumentDirection } from '../../api/documents.js';
import { DOCUMENT_LIMITS } from '../../../../src/shared/documents.js';

export type DirectionFilter = 'all' | DocumentDirection;
export type StatusFilter = 'active' | 'cancelled' | null;
export interface DocumentFilterValues {
  direction: DirectionFilter;
  year: string;
  status: StatusFilter;
  q: string;
}

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/** Direction, year, status and search of the register's list. */
export function DocumentFilters({
  value: { direction, year, status, q },
  onChange,
}: {
  value: DocumentFilterValues;
  onChange: (patch: Partial<DocumentFilterValues>) => void;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        value={direction}
        onChange={(v) => onChange({ direction: v })}
        data={[
          { value: 'all', label: 'Tất cả' },
          { value: 'outgoing', label: 'Văn bản đi' },
          { value: 'incoming', label: 'Văn bản đến' },
        ]}
        data-testid="document-direction"
      />
      <Select
        label="Năm"
        data={YEARS}
        value={year}
        onChange={(v) => v && onChange({ year: v })}
        allowDeselect={false}
        w={100}
      />
      <Select
        label="Trạng thái"
        data={[
          { value: 'active', label: 'Còn hiệu lực' },
          { value: 'cancelled', label: 'Đã hủy' },
        ]}
        value={status}
        onChange={(v) => onChange({ status: v })}
        placeholder="Tất cả"
        clearable
        w={160}
      />
      <TextInput
        label="Tìm kiếm"
        placeholder="Số, ký hiệu, trích yếu, nơi gửi, nơi nhận"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        maxLength={DOCUMENT_LIMITS.search}
        w={{ base: '100%', sm: 320 }}
        data-testid="document-search"
      />
    </Group>
  );
}
