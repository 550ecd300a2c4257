import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DossierListItem, DueSoonItem } from '../../api/dossiers.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataColumn } from '../../components/DataTable.js';
import { DossierFlagBadge, DossierStatusBadge, dossierFlag } from '../../components/dossier.js';
import { formatDateTime } from '../../lib/format.js';
import { ApologyBadge } from './ApologyBadge.js';
import { Appointment } from './Appointment.js';
import { DossierCard } from './DossierCard.js';

export type DossierRow = DossierListItem & Partial<Pick<DueSoonItem, 'apologyRequired' | 'atRisk'>>;

/** Register lines: a table, cards on a narrow screen; `apology` marks those needing a Mẫu 04. */
export function DossierTable({
  items,
  showUnit,
  dueIds,
  apology = false,
}: {
  items: DossierRow[];
  showUnit: boolean;
  dueIds: Set<number>;
  apology?: boolean;
}) {
  const columns: DataColumn<DossierRow>[] = [
    {
      key: 'code',
      header: 'Mã hồ sơ',
      nowrap: true,
      cell: (d) => (
        <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} size="sm">
          {d.code}
        </Anchor>
      ),
    },
    { key: 'unit', header: 'Đơn vị', hidden: !showUnit, cell: (d) => d.unitName },
    {
      key: 'procedure',
      header: 'Thủ tục',
      maw: 320,
      cell: (d) => (
        <Text size="sm" lineClamp={2}>
          {d.procedureName}
        </Text>
      ),
    },
    { key: 'applicant', header: 'Người nộp', cell: (d) => d.applicantName },
    { key: 'received', header: 'Nhận lúc', nowrap: true, cell: (d) => formatDateTime(d.receivedAt) },
    { key: 'appointment', header: 'Hẹn trả', nowrap: true, cell: (d) => <Appointment d={d} /> },
    {
      key: 'status',
      header: 'Trạng thái',
      cell: (d) => (
        <Group gap={4}>
          <DossierStatusBadge status={d.status} label={d.statusLabel} />
          <DossierFlagBadge flag={dossierFlag(d, dueIds.has(d.id))} />
          {apology && d.apologyRequired && <ApologyBadge />}
        </Group>
      ),
    },
  ];
  return (
    <DataTable
      rows={items}
      rowKey={(d) => d.id}
      columns={columns}
      minWidth={900}
      testId="dossier-list"
      rowProps={(d) => ({
        bg: apology && d.apologyRequired ? 'yellow.0' : undefined,
        'data-testid': 'dossier-row',
        'data-code': d.code,
      })}
      card={(d) => <DossierCard d={d} showUnit={showUnit} dueSoon={dueIds.has(d.id)} apology={apology} />}
    />
  );
}
