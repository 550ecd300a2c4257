import { Button, Card, FileInput, Group, Stack } from '@mantine/core';
import { IconArrowRight, IconUpload } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/common.js';
import { UploadProgress } from '../../components/ImportStepper.js';
import type { RegisterImport } from './useRegisterImport.js';

/** Step 1: the register file, read and checked row by row. */
export function RegisterFileStep({ im }: { im: RegisterImport }) {
  return (
    <Card withBorder radius="md" padding="lg" mt="md">
      <Stack>
        <FileInput
          label="Tệp sổ theo dõi"
          description="Excel (.xlsx) hoặc CSV; dòng tiêu đề được tự nhận ra, kể cả khi có dòng tên sổ phía trên."
          placeholder="Chọn tệp…"
          accept=".xlsx,.csv,.txt"
          value={im.file}
          onChange={im.chooseFile}
          clearable
          leftSection={<IconUpload size={16} />}
          data-testid="register-file"
        />
        {im.read.isError && <ErrorAlert error={im.read.error} title="Không đọc được tệp" />}
        {im.read.isPending && (
          <UploadProgress fraction={im.upload} reading="Đang đọc và kiểm tra từng dòng…" />
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => im.read.mutate(false)}
            disabled={!im.file}
            loading={im.read.isPending}
            rightSection={<IconArrowRight size={16} />}
            data-testid="register-read"
          >
            Đọc tệp
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
