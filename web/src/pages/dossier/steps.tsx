/** The steps staff record on a dossier: names, icons, colours, when each applies, and its body. */
import {
  IconArrowBackUp,
  IconArrowsExchange,
  IconCheck,
  IconCircleCheck,
  IconFileAlert,
  IconFilePlus,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type {
  DossierDetail,
  DossierFormName,
  ReturnMethod,
  StepInput,
  StepKind,
} from '../../api/dossiers.js';
import { momentIso } from '../../components/dossier.js';
import { vietnamToday } from '../../lib/period.js';

export const FORM_LABELS: Record<DossierFormName, string> = {
  mau01: 'Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  mau02: 'Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  mau03: 'Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  mau04: 'Mẫu 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  mau05: 'Mẫu 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

/** The steps staff record, with the button that opens each one's dialog. */
export const STEP_LABELS: Record<StepKind, string> = {
  supplement_requested: 'Yêu cầu bổ sung (Mẫu 02)',
  supplement_received: 'Đã nhận bổ sung',
  transferred: 'Chuyển xử lý',
  resolved: 'Có kết quả',
  returned: 'Trả kết quả',
  refused: 'Từ chối (Mẫu 03)',
  withdrawn: 'Rút hồ sơ',
  apology_issued: 'Phiếu xin lỗi (Mẫu 04)',
};
export const STEP_ICONS: Record<StepKind, ReactNode> = {
  supplement_requested: <IconFilePlus size={16} />,
  supplement_received: <IconCheck size={16} />,
  transferred: <IconArrowsExchange size={16} />,
  resolved: <IconCircleCheck size={16} />,
  returned: <IconSend size={16} />,
  refused: <IconX size={16} />,
  withdrawn: <IconArrowBackUp size={16} />,
  apology_issued: <IconFileAlert size={16} />,
};
export const STEP_COLORS: Partial<Record<StepKind, string>> = {
  resolved: 'teal',
  returned: 'green',
  refused: 'red',
  withdrawn: 'gray',
  apology_issued: 'orange',
};

/** The steps that make sense in a status (the server checks again and explains a refusal). */
export function stepsFor(d: DossierDetail): StepKind[] {
  switch (d.status) {
    case 'received':
    case 'in_progress':
      return ['transferred', 'resolved', 'supplement_requested', 'apology_issued', 'refused', 'withdrawn'];
    case 'awaiting_supplement':
      return ['supplement_received', 'transferred', 'apology_issued', 'refused', 'withdrawn'];
    case 'resolved':
      return ['returned', 'transferred'];
    default:
      return [];
  }
}

export function formsFor(d: DossierDetail): DossierFormName[] {
  const has = (kind: string) => d.events.some((e) => e.kind === kind);
  return [
    'mau01',
    ...(has('supplement_requested') ? (['mau02'] as const) : []),
    ...(has('refused') ? (['mau03'] as const) : []),
    ...(has('apology_issued') ? (['mau04'] as const) : []),
    'mau05',
  ];
}

/** Vietnam date of a moment, shifted by `days`. */
export const vnDatePlus = (iso: string, days: number) =>
  dayjs(new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10))
    .add(days, 'day')
    .format('YYYY-MM-DD');

/** What the step dialog asks for (each kind reads only its own fields). */
export interface StepValues {
  reason: string;
  items: string;
  from: string;
  to: string;
  note: string;
  method: ReturnMethod;
  newDate: string | null;
  newTime: string;
  backdated: boolean;
  atDate: string | null;
  atTime: string;
}

export function initialStepValues(d: DossierDetail): StepValues {
  const lastHolder = d.handovers.length > 0 ? d.handovers[d.handovers.length - 1]?.to : undefined;
  return {
    reason: '',
    items: '',
    from: lastHolder ?? 'Bộ phận tiếp nhận và trả kết quả',
    to: '',
    note: '',
    method: d.channel === 'online' ? 'online' : 'direct',
    newDate: vnDatePlus(d.apologyAppointmentAt ?? d.appointmentAt, 3),
    newTime: '16:00',
    backdated: false,
    atDate: vietnamToday(),
    atTime: '08:00',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Whether the dialog may be sent (the server checks again). */
export function stepValid(kind: StepKind, v: StepValues): boolean {
  if (kind === 'supplement_requested' || kind === 'apology_issued') return v.reason.trim().length >= 3;
  if (kind === 'refused') return lines(v.reason).some((l) => l.length >= 3);
  if (kind === 'transferred') return v.from.trim() !== '' && v.to.trim() !== '';
  return true;
}

/** The step's body; throws the Vietnamese message when a moment is incomplete. */
export function stepBody(kind: StepKind, v: StepValues): StepInput {
  const at = v.backdated ? momentIso(v.atDate, v.atTime) : null;
  if (v.backdated && !at) throw new Error('Hãy nhập ngày và giờ thực hiện.');
  const when = at ? { at } : {};
  switch (kind) {
    case 'supplement_requested':
      return {
        kind,
        reason: v.reason.trim(),
        ...(lines(v.items).length > 0 ? { items: lines(v.items) } : {}),
        ...when,
      };
    case 'refused':
      return { kind, reasons: lines(v.reason), ...when };
    case 'transferred':
      return {
        kind,
        from: v.from.trim(),
        to: v.to.trim(),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...when,
      };
    case 'returned':
      return { kind, method: v.method, ...when };
    case 'apology_issued': {
      const newAppointment = momentIso(v.newDate, v.newTime);
      if (!newAppointment) throw new Error('Hãy nhập ngày và giờ hẹn trả mới.');
      return { kind, newAppointment, reason: v.reason.trim(), ...when };
    }
    case 'supplement_received':
    case 'resolved':
    case 'withdrawn':
      return { kind, ...when };
  }
}
