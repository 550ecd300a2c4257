/** The procedure catalogue of a unit: calls through the client, query keys in one factory. */
import { qs, request, upload } from './client.js';
import type { Procedure, ProcedureImportReport, ProcedureInput } from './types.js';

export type {
  OnlineLevel,
  Procedure,
  ProcedureImportReport,
  ProcedureInput,
  ResultType,
  TimeLimitUnit,
} from './types.js';

export const procedureApi = {
  list: (unitId: number) => request<Procedure[]>('GET', `/api/procedures${qs({ unitId })}`),
  create: (input: ProcedureInput) => request<Procedure>('POST', '/api/procedures', input),
  update: (id: number, input: ProcedureInput) => request<Procedure>('PUT', `/api/procedures/${id}`, input),
  /** All or nothing: row errors come back as a 400 whose details hold the report. */
  importFile: (unitId: number, file: File, dryRun: boolean, onProgress?: (fraction: number) => void) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    if (dryRun) form.append('dryRun', '1');
    form.append('file', file, file.name);
    return upload<ProcedureImportReport>('/api/procedures/import', form, onProgress);
  },
};

export const procedureKeys = {
  all: ['procedures'] as const,
  list: (unitId: number) => ['procedures', unitId] as const,
};
