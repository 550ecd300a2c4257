import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport } from '@tabler/icons-react';
import type { RegisterPreviewOut } from '../../api/dossier-import.js';
import { ErrorAlert } from '../../components/common.js';
import { CountBadges, RowErrorsTable } from '../../components/ImportReport.js';
import { newImportId, readCounts } from '../../lib/importReport.js';
import { RegisterMappingCard } from './RegisterMappingCard.js';
import { RegisterSampleTable } from './RegisterSampleTable.js';
import type { RegisterImport } from './useRegisterImport.js';

/** Step 2: the counts, the column mapping, the first rows as understood, and every row error. */
export function RegisterPreviewStep({ im, preview }: { im: RegisterImport; preview: RegisterPreviewOut }) {
  return (
    <Stack mt="md" gap="md" data-testid="register-preview">
      <CountBadges counts={readCounts(preview)} testId="register-counts" />
      <RegisterMappingCard im={im} preview={preview} />
      {preview.sample.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <Title order={3} size="h4" mb="sm">
            Các dòng đầu tiên, như sẽ được nhập
          </Title>
          <RegisterSampleTable rows={preview.sample.slice(0, 50)} />
        </Card>
      )}
      {preview.errors.length > 0 ? (
        <Card withBorder radius="md" padding="md">
          <RowErrorsTable errors={preview.errors} fieldLabel={im.label} testId="register-errors" />
        </Card>
      ) : (
        <Alert color="teal" variant="light" title="Không có lỗi">
          Mọi dòng đọc được đều hợp lệ.
        </Alert>
      )}
      {im.read.isError && <ErrorAlert error={im.read.error} title="Không đọc lại được tệp" />}
      {im.commit.isError && <ErrorAlert error={im.commit.error} title="Không nhập được" />}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => im.setStep(0)}>
          Chọn tệp khác
        </Button>
        <Button
          onClick={() => im.commit.mutate(newImportId())}
          disabled={im.mappingEdited || im.missingRequired.length > 0}
          leftSection={<IconDatabaseImport size={16} />}
          data-testid="register-commit"
        >
          Nhập vào sổ
        </Button>
      </Group>
      {preview.errors.length > 0 && (
        <Text size="xs" c="dimmed" ta="right">
          Dòng còn lỗi không được nhập; sửa tệp rồi nhập lại để bổ sung.
        </Text>
      )}
    </Stack>
  );
}
