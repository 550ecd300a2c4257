import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { dossierApi } from '../../api/dossiers.js';
import type { DossierDetail, FlagsPatch } from '../../api/dossiers.js';
import { notifyError } from '../../components/common.js';
import { useDossierChanged } from './useDossierChanged.js';

const FLAG_LABELS: { key: keyof FlagsPatch; label: string; description?: string }[] = [
  { key: 'paidOnline', label: 'Đã thanh toán trực tuyến' },
  { key: 'digitised', label: 'Đã số hóa thành phần hồ sơ' },
  { key: 'electronicResult', label: 'Cấp kết quả điện tử' },
  { key: 'signedResult', label: 'Kết quả có ký số' },
  { key: 'complaint', label: 'Có phản ánh, kiến nghị' },
];

export function FlagsCard({ d }: { d: DossierDetail }) {
  const changed = useDossierChanged(d.id);
  const save = useMutation({
    mutationFn: (patch: FlagsPatch) => dossierApi.flags(d.id, patch),
    onSuccess: changed,
    onError: (err) => notifyError(err),
  });
  const flags = d.flags as Record<string, boolean>;
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-flags">
      <Title order={3} size="h4" mb="sm">
        Số hóa, thanh toán, phản ánh
      </Title>
      <Stack gap="sm">
        {FLAG_LABELS.map((f) => (
          <Switch
            key={f.key}
            label={f.label}
            description={
              f.key === 'paidOnline' && !d.flags.feeBearing ? 'Thủ tục không thu phí, lệ phí' : undefined
            }
            checked={flags[f.key] === true}
            disabled={!d.actions.handle || save.isPending}
            onChange={(e) => save.mutate({ [f.key]: e.currentTarget.checked })}
            data-testid={`flag-${f.key}`}
          />
        ))}
      </Stack>
      {!d.actions.handle && (
        <Text size="xs" c="dimmed" mt="sm">
          Chỉ cán bộ xử lý hồ sơ của đơn vị mới sửa được.
        </Text>
      )}
    </Card>
  );
}
