import { Badge } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import type { DocumentEntry } from '../../api/documents.js';

const DUE: Record<NonNullable<DocumentEntry['dueState']>, { label: string; color: MantineColor }> = {
  on_time: { label: 'Trong hạn', color: 'blue' },
  due_soon: { label: 'Sắp đến hạn', color: 'yellow' },
  late: { label: 'Quá hạn xử lý', color: 'red' },
  handled_on_time: { label: 'Xử lý đúng hạn', color: 'teal' },
  handled_late: { label: 'Xử lý trễ hạn', color: 'orange' },
};

/** Where an incoming document with a deadline stands (nothing for the others). */
export function DueBadge({ d }: { d: DocumentEntry }) {
  if (!d.dueState || d.status === 'cancelled') return null;
  const s = DUE[d.dueState];
  return (
    <Badge color={s.color} variant="light" size="sm" data-testid="document-due">
      {s.label}
    </Badge>
  );
}
