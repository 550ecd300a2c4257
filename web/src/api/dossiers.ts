/** The one-stop register's dossiers: calls through the client, query keys in one factory. */
import type { QueryClient } from '@tanstack/react-query';
import { qs, request } from './client.js';
import type {
  AccessLogEntry,
  DossierDetail,
  DossierPage,
  DueSoonItem,
  FlagsPatch,
  ReceiveInput,
  StepInput,
  StepResult,
} from './types.js';

export type {
  AccessLogEntry,
  DossierChannel,
  DossierDetail,
  DossierEventOut,
  DossierListItem,
  DossierPage,
  DocumentKind,
  DueSoonItem,
  FlagsPatch,
  ReceiveInput,
  ReturnMethod,
  StepInput,
  StepKind,
  StepResult,
} from './types.js';

export type DossierFormName = 'mau01' | 'mau02' | 'mau03' | 'mau04' | 'mau05';

export interface DossierListFilter {
  unitId: number;
  subtree?: boolean;
  status?: string | null;
  from?: string | null;
  to?: string | null;
  q?: string | null;
  page?: number;
}

export const dossierApi = {
  list: (f: DossierListFilter) =>
    request<DossierPage>(
      'GET',
      `/api/dossiers${qs({ ...f, subtree: f.subtree ? 1 : undefined, page: f.page && f.page > 1 ? f.page : undefined })}`,
    ),
  dueSoon: (unitId: number, subtree = false) =>
    request<DueSoonItem[]>(
      'GET',
      `/api/dossiers/due-soon${qs({ unitId, subtree: subtree ? 1 : undefined })}`,
    ),
  detail: (id: number) => request<DossierDetail>('GET', `/api/dossiers/${id}`),
  receive: (input: ReceiveInput) => request<DossierDetail>('POST', '/api/dossiers', input),
  step: (id: number, step: StepInput) => request<StepResult>('POST', `/api/dossiers/${id}/steps`, step),
  reissueRatingLink: (id: number) =>
    request<{ ratingUrl: string }>('POST', `/api/dossiers/${id}/rating-link`),
  flags: (id: number, flags: FlagsPatch) =>
    request<DossierDetail>('PATCH', `/api/dossiers/${id}/flags`, flags),
  formUrl: (id: number, form: DossierFormName) => `/api/dossiers/${id}/forms/${form}`,
  accessLog: (unitId: number, dossierId?: number) =>
    request<AccessLogEntry[]>('GET', `/api/dossiers/access-log${qs({ unitId, dossierId })}`),
};

/** Query keys of the register, one factory so that pages invalidate what they changed. */
export const dossierKeys = {
  lists: ['dossiers'] as const,
  list: (f: DossierListFilter) =>
    [
      'dossiers',
      f.unitId,
      f.subtree ?? false,
      f.status ?? null,
      f.from ?? null,
      f.to ?? null,
      f.q ?? null,
      f.page ?? 1,
    ] as const,
  dueSoons: ['dossiers-due'] as const,
  dueSoon: (unitId: number, subtree: boolean) => ['dossiers-due', unitId, subtree] as const,
  detail: (id: number) => ['dossier', id] as const,
  /** The figures page's root (its keys continue with unit, subtree and period). */
  figures: ['dossier-figures'] as const,
  accessLog: (unitId: number, dossierId: number) => ['access-log', unitId, dossierId] as const,
};

/** The plan pages' root: a plan's targets may be measured by the register. */
const PLAN_ROOT = ['plan'] as const;

/**
 * After a dossier was received, stepped, flagged or imported: the lists, the due-soon list, the
 * figures and (unless `withPlans` is false) the plans whose targets the register measures.
 */
export async function invalidateRegister(qc: QueryClient, withPlans = true): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: dossierKeys.lists }),
    qc.invalidateQueries({ queryKey: dossierKeys.dueSoons }),
    qc.invalidateQueries({ queryKey: dossierKeys.figures }),
    ...(withPlans ? [qc.invalidateQueries({ queryKey: PLAN_ROOT })] : []),
  ]);
}
