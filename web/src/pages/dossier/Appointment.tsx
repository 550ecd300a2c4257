import { Text } from '@mantine/core';
import type { DossierListItem } from '../../api/dossiers.js';
import { formatDateTime } from '../../lib/format.js';

/** The appointment, and the one promised again by an apology (Mẫu 04) under it. */
export function Appointment({ d }: { d: Pick<DossierListItem, 'appointmentAt' | 'apologyAppointmentAt'> }) {
  return (
    <>
      <Text size="sm" span>
        {formatDateTime(d.appointmentAt)}
      </Text>
      {d.apologyAppointmentAt && (
        <Text size="xs" c="orange.8" display="block">
          Hẹn lại: {formatDateTime(d.apologyAppointmentAt)}
        </Text>
      )}
    </>
  );
}
