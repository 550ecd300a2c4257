/** The register form's values, their defaults, and what the server gets from them. */
import type { DocumentDirection, DocumentInput, DocumentPage } from '../../api/documents.js';
import { parseVnDate } from '../../lib/format.js';

export type Options = DocumentPage['options'];
export type Form = DocumentInput['form'];
export type Channel = DocumentInput['channel'];

/** The form's values, one object (fields read and set by name). */
export interface Values {
  docType: string | null;
  summary: string;
  documentDate: string | null;
  party: string;
  numberText: string;
  receivedOn: string | null;
  handlingUnit: string;
  dueDate: string | null;
  form: Form;
  channel: Channel;
  signed: boolean;
  signer: string;
  confidential: boolean;
}
export type SetValue = <K extends keyof Values>(key: K, value: Values[K]) => void;

export const initial = (outgoing: boolean): Values => ({
  docType: outgoing ? 'KH' : 'CV',
  summary: '',
  documentDate: null,
  party: '',
  numberText: '',
  receivedOn: null,
  handlingUnit: '',
  dueDate: null,
  form: 'electronic',
  channel: 'eoffice',
  signed: false,
  signer: '',
  confidential: false,
});

/** What the server gets: blank optional fields left out, the party as recipients or sender. */
export function toInput(unitId: number, direction: DocumentDirection, v: Values): DocumentInput {
  const party = v.party.trim();
  return {
    unitId,
    direction,
    docType: (v.docType ?? 'CV') as DocumentInput['docType'],
    summary: v.summary,
    form: v.form,
    channel: v.channel,
    signed: v.signed,
    confidential: v.confidential,
    ...(v.documentDate ? { documentDate: v.documentDate } : {}),
    ...(v.signer.trim() ? { signer: v.signer.trim() } : {}),
    ...(direction === 'outgoing'
      ? party
        ? { recipients: party }
        : {}
      : {
          ...(party ? { sender: party } : {}),
          ...(v.numberText.trim() ? { numberText: v.numberText.trim() } : {}),
          ...(v.receivedOn ? { receivedOn: v.receivedOn } : {}),
          ...(v.handlingUnit.trim() ? { handlingUnit: v.handlingUnit.trim() } : {}),
          dueDate: v.dueDate,
        }),
  };
}

export const dateProps = {
  valueFormat: 'DD/MM/YYYY',
  dateParser: parseVnDate,
  placeholder: 'dd/mm/yyyy',
  clearable: true,
};

/** What each group of the register form's fields gets. */
export interface RegisterFieldsProps {
  v: Values;
  set: SetValue;
  options: Options;
  outgoing: boolean;
}
