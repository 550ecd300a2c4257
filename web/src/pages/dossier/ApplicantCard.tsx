import { Alert, Box, Card, SimpleGrid, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { DossierDetail } from '../../api/dossiers.js';
import { Field } from '../../components/dossier.js';

export function ApplicantCard({ d }: { d: DossierDetail }) {
  const a = d.applicant;
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-applicant">
      <Title order={3} size="h4" mb="sm">
        Người nộp hồ sơ
      </Title>
      {!a.full && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock size={16} />}
          mb="sm"
          data-testid="applicant-masked"
        >
          Thông tin cá nhân chỉ hiển thị cho cán bộ xử lý hồ sơ.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label="Họ và tên" testId="applicant-name">
          {a.name}
        </Field>
        {a.full && (
          <>
            <Field label="Số định danh / mã số">{a.idNumber ?? '—'}</Field>
            <Field label="Số điện thoại">{a.phone ?? '—'}</Field>
            <Field label="Thư điện tử">{a.email ?? '—'}</Field>
          </>
        )}
      </SimpleGrid>
      {a.full && (
        <Box mt="sm">
          <Field label="Địa chỉ">{a.address ?? '—'}</Field>
        </Box>
      )}
      {d.request && (
        <Box mt="sm">
          <Field label="Nội dung yêu cầu">{d.request}</Field>
        </Box>
      )}
    </Card>
  );
}
