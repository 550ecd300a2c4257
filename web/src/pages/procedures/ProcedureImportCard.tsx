import { Alert, Button, Card, Checkbox, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { procedureApi, procedureKeys } from '../../api/procedures.js';
import { ErrorAlert } from '../../components/common.js';
import { CountBadges, RowErrorsTable } from '../../components/ImportReport.js';
import { readCounts, readRowErrors } from '../../lib/importReport.js';
import { ProcedureImportRows } from './ProcedureImportRows.js';

/** As the server names the catalogue's columns in its row errors ('file': the whole table). */
const PROCEDURE_FIELD_LABELS: Record<string, string> = {
  file: 'Cả tệp',
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  limit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  resultType: 'Loại kết quả',
};
const label = (f: string) => PROCEDURE_FIELD_LABELS[f] ?? f;

/** The catalogue from a spreadsheet: all or nothing, or a dry run that only checks it. */
export function ProcedureImportCard({ unitId }: { unitId: number }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [dryRun, setDryRun] = useState(false);
  const run = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('Hãy chọn tệp danh mục.');
      return procedureApi.importFile(unitId, file, dryRun, setProgress);
    },
    onMutate: () => setProgress(0),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: procedureKeys.all });
    },
  });
  // A refused file carries its row errors in the error's details.
  const failedDetails = run.error instanceof ApiError ? run.error.details : undefined;
  const report = run.data;
  return (
    <Card withBorder radius="md" padding="md" data-testid="procedure-import">
      <Title order={3} size="h4" mb={4}>
        Nhập danh mục từ tệp
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Tệp Excel (.xlsx) hoặc CSV có các cột: mã thủ tục, tên thủ tục, lĩnh vực, thời hạn giải quyết (ví dụ
        “15 ngày làm việc”), phí, lệ phí, mức độ trực tuyến. Thủ tục trùng mã được cập nhật.
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <FileInput
          label="Tệp danh mục"
          placeholder="Chọn tệp…"
          accept=".xlsx,.csv"
          value={file}
          onChange={setFile}
          clearable
          leftSection={<IconUpload size={16} />}
          style={{ flex: '1 1 260px' }}
          data-testid="procedure-import-file"
        />
        <Button
          onClick={() => run.mutate()}
          disabled={!file}
          loading={run.isPending}
          data-testid="procedure-import-run"
        >
          {dryRun ? 'Kiểm tra tệp' : 'Nhập danh mục'}
        </Button>
      </Group>
      <Checkbox
        mt="xs"
        label="Chỉ kiểm tra, chưa lưu"
        checked={dryRun}
        onChange={(e) => setDryRun(e.currentTarget.checked)}
        data-testid="procedure-import-dry-run"
      />
      {run.isPending && progress < 1 && <Progress value={progress * 100} mt="sm" animated />}
      <Stack gap="sm" mt="sm">
        {run.isError && (
          <>
            <ErrorAlert error={run.error} title="Không nhập được danh mục" />
            <RowErrorsTable errors={readRowErrors(failedDetails)} fieldLabel={label} />
          </>
        )}
        {report && (
          <Alert
            color={report.errors.length > 0 ? 'orange' : 'teal'}
            variant="light"
            title={report.dryRun ? 'Kết quả kiểm tra (chưa lưu)' : 'Đã nhập danh mục'}
            data-testid="procedure-import-report"
          >
            <Stack gap="xs">
              <CountBadges counts={readCounts(report)} testId="procedure-import-counts" />
              <RowErrorsTable errors={readRowErrors(report)} fieldLabel={label} />
              {report.rows.length > 0 && <ProcedureImportRows rows={report.rows} />}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
