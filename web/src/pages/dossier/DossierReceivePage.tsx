import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconFileCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { dossierApi, dossierKeys, invalidateRegister } from '../../api/dossiers.js';
import { procedureApi, procedureKeys } from '../../api/procedures.js';
import { ErrorAlert, notifySuccess, PageLoader } from '../../components/common.js';
import { DossierBreadcrumbs, useDossierScope } from '../../components/dossier.js';
import { formatDateTime } from '../../lib/format.js';
import { initialReceiveValues, receiveInput } from './receive.js';
import type { ReceiveValues } from './receive.js';
import { ReceiveApplicantCard } from './ReceiveApplicantCard.js';
import { ReceiveDocumentsCard } from './ReceiveDocumentsCard.js';
import { ReceiveEarlierCard } from './ReceiveEarlierCard.js';
import { ReceiveProcedureCard } from './ReceiveProcedureCard.js';

/** `/ho-so/tiep-nhan`: a dossier received at the desk, written into the register. */
export function DossierReceivePage() {
  const scope = useDossierScope();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const procedures = useQuery({
    queryKey: procedureKeys.list(scope.unitId),
    queryFn: () => procedureApi.list(scope.unitId),
  });
  const form = useForm<ReceiveValues>({ initialValues: initialReceiveValues() });
  const values = form.getValues();
  const active = (procedures.data ?? []).filter((p) => p.active);
  const procedure = active.find((p) => String(p.id) === values.procedureId);

  const receive = useMutation({
    mutationFn: () => {
      if (!procedure) throw new Error('Hãy chọn thủ tục.');
      return dossierApi.receive(receiveInput(scope.unitId, procedure.id, form.getValues()));
    },
    onSuccess: async (d) => {
      notifySuccess(`Đã tiếp nhận hồ sơ ${d.code}, hẹn trả ${formatDateTime(d.appointmentAt)}.`);
      qc.setQueryData(dossierKeys.detail(d.id), d);
      await invalidateRegister(qc, false);
      void navigate(`/ho-so/${d.id}`, { state: { received: true } });
    },
  });

  if (!scope.canHandle)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách hoặc quản trị của đơn vị mới tiếp nhận hồ sơ của đơn vị mình.
      </Alert>
    );
  if (procedures.isPending) return <PageLoader />;
  if (procedures.isError) return <ErrorAlert error={procedures.error} />;

  const filledDocs = values.docs.filter((d) => d.name.trim()).length;
  return (
    <Stack gap="lg" data-testid="receive-page">
      <DossierBreadcrumbs current="Tiếp nhận hồ sơ" />
      <div>
        <Title order={2}>Tiếp nhận hồ sơ</Title>
        <Text c="dimmed">
          Ghi hồ sơ vào sổ, cấp mã và ngày hẹn trả theo ngày làm việc; sau đó in Giấy tiếp nhận và hẹn trả kết
          quả (Mẫu 01).
        </Text>
      </div>
      {active.length === 0 ? (
        <Alert color="blue" variant="light" title="Danh mục thủ tục còn trống">
          Hãy thêm thủ tục hành chính của đơn vị (tên, thời hạn giải quyết) trước khi tiếp nhận hồ sơ.{' '}
          <Anchor component={Link} to="/ho-so/thu-tuc">
            Mở danh mục thủ tục
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(() => receive.mutate())}>
          <Stack gap="md">
            <ReceiveProcedureCard form={form} procedures={active} procedure={procedure} />
            <ReceiveApplicantCard form={form} />
            <ReceiveDocumentsCard form={form} />
            <ReceiveEarlierCard form={form} />
            {receive.isError && <ErrorAlert error={receive.error} title="Chưa tiếp nhận được hồ sơ" />}
            <Group justify="flex-end">
              <Button component={Link} to="/ho-so" variant="default">
                Hủy
              </Button>
              <Button
                type="submit"
                loading={receive.isPending}
                disabled={!procedure || values.name.trim().length < 2 || filledDocs === 0}
                leftSection={<IconFileCheck size={16} />}
                data-testid="receive-submit"
              >
                Tiếp nhận hồ sơ
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
