/** The lines under an event of a dossier's history, read from its data. */
import type { DossierEventOut, ReturnMethod } from '../../api/dossiers.js';
import { formatDateTime } from '../../lib/format.js';
import { DOSSIER_CHANNEL_LABELS, RETURN_METHOD_LABELS } from '../../lib/labels.js';

/** A moment stored in an event's data: epoch milliseconds or an ISO string. */
function momentText(v: unknown): string | null {
  if (typeof v === 'number') return formatDateTime(new Date(v).toISOString());
  if (typeof v === 'string') return formatDateTime(v);
  return null;
}

export function eventLines(e: DossierEventOut): string[] {
  const data = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof data[k] === 'string' ? data[k] : null);
  const list = (k: string) =>
    Array.isArray(data[k]) ? (data[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  switch (e.kind) {
    case 'received': {
      const c = str('channel');
      return c && c in DOSSIER_CHANNEL_LABELS
        ? [`Kênh: ${DOSSIER_CHANNEL_LABELS[c as keyof typeof DOSSIER_CHANNEL_LABELS]}`]
        : [];
    }
    case 'supplement_requested':
      return [...(str('reason') ? [`Lý do: ${str('reason')}`] : []), ...list('items').map((it) => `• ${it}`)];
    case 'refused':
      return list('reasons').map((r) => `• ${r}`);
    case 'transferred':
      return [`${str('from') ?? '?'} → ${str('to') ?? '?'}`, ...(str('note') ? [str('note') as string] : [])];
    case 'returned': {
      const m = str('method');
      return m && m in RETURN_METHOD_LABELS ? [RETURN_METHOD_LABELS[m as ReturnMethod]] : [];
    }
    case 'apology_issued':
      return [
        ...(momentText(data.newAppointment) ? [`Hẹn lại: ${momentText(data.newAppointment)}`] : []),
        ...(str('reason') ? [`Lý do: ${str('reason')}`] : []),
      ];
    default:
      return [];
  }
}
