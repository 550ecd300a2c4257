import { useQueryClient } from '@tanstack/react-query';
import { dossierKeys, invalidateRegister } from '../../api/dossiers.js';
import type { DossierDetail } from '../../api/dossiers.js';

/** After a change of the dossier: the page shows the answer, the register's views refresh. */
export function useDossierChanged(id: number) {
  const qc = useQueryClient();
  return async (d: DossierDetail) => {
    qc.setQueryData(dossierKeys.detail(id), d);
    await invalidateRegister(qc);
  };
}
