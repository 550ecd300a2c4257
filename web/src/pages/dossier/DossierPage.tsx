import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { dossierApi, dossierKeys } from '../../api/dossiers.js';
import { ErrorAlert, PageLoader } from '../../components/common.js';
import { DossierView } from './DossierView.js';

/** `/ho-so/:id`: one dossier of the register. */
export function DossierPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: dossierKeys.detail(id),
    queryFn: () => dossierApi.detail(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error('Không tìm thấy hồ sơ.')} />;
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return <DossierView d={q.data} />;
}
