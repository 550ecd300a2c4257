/** The reception form's values and the dossier they make. */
import type { useForm } from '@mantine/form';
import type { DocumentKind, DossierChannel, ReceiveInput } from '../../api/dossiers.js';
import { momentIso } from '../../components/dossier.js';
import { vietnamToday } from '../../lib/period.js';

export interface DocRow {
  key: number;
  name: string;
  copies: number | string;
  kind: DocumentKind;
}

let nextKey = 1;
export const newDocRow = (): DocRow => ({ key: nextKey++, name: '', copies: 1, kind: 'original' });

export interface ReceiveValues {
  procedureId: string | null;
  channel: DossierChannel;
  name: string;
  idNumber: string;
  address: string;
  phone: string;
  email: string;
  request: string;
  docs: DocRow[];
  earlier: boolean;
  receivedDate: string | null;
  receivedTime: string;
}

export type ReceiveForm = ReturnType<typeof useForm<ReceiveValues>>;

export const initialReceiveValues = (): ReceiveValues => ({
  procedureId: null,
  channel: 'direct',
  name: '',
  idNumber: '',
  address: '',
  phone: '',
  email: '',
  request: '',
  docs: [newDocRow()],
  earlier: false,
  receivedDate: vietnamToday(),
  receivedTime: '08:00',
});

/** The dossier to receive; throws the Vietnamese message when the reception moment is incomplete. */
export function receiveInput(unitId: number, procedureId: number, v: ReceiveValues): ReceiveInput {
  const receivedAt = v.earlier ? momentIso(v.receivedDate, v.receivedTime) : null;
  if (v.earlier && !receivedAt) throw new Error('Hãy nhập ngày và giờ tiếp nhận.');
  return {
    unitId,
    procedureId,
    channel: v.channel,
    applicant: {
      name: v.name.trim(),
      idNumber: v.idNumber.trim() || null,
      address: v.address.trim() || null,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
    },
    request: v.request.trim() || null,
    documents: v.docs
      .filter((d) => d.name.trim())
      .map((d) => ({
        name: d.name.trim(),
        copies: typeof d.copies === 'number' && d.copies >= 1 ? d.copies : 1,
        kind: d.kind,
      })),
    ...(receivedAt ? { receivedAt } : {}),
  };
}
