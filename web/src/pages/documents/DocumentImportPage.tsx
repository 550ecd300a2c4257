import { Alert, Button, Card, FileInput, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { documentKeys, documentsApi } from '../../api/documents.js';
import type { DocumentDirection, DocumentImportReport } from '../../api/documents.js';
import { ErrorAlert, notifySuccess } from '../../components/common.js';
import { CountBadges, RowErrorsTable } from '../../components/ImportReport.js';
import { formatNumber } from '../../lib/format.js';
import { newImportId, readRowErrors } from '../../lib/importReport.js';
import type { Count } from '../../lib/importReport.js';
import { useUnitScope } from '../../session.js';
import { DocumentImportSample } from './DocumentImportSample.js';

const COUNT_LABELS: Partial<Record<keyof DocumentImportReport['counts'], string>> = {
  rows: 'Dòng dữ liệu',
  valid: 'Dòng hợp lệ',
  invalid: 'Dòng lỗi',
  outgoing: 'Văn bản đi',
  incoming: 'Văn bản đến',
  confidential: 'Văn bản mật',
  numbersToAllocate: 'Số đến sẽ cấp',
};

const countsOf = (r: DocumentImportReport): Count[] =>
  Object.entries(COUNT_LABELS).map(([key, label]) => ({
    key,
    label,
    value: r.counts[key as keyof DocumentImportReport['counts']],
  }));

/** Sổ văn bản from an e-office export (.xlsx/.csv): check first, then save all or nothing. */
export function DocumentImportPage() {
  const scope = useUnitScope();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [direction, setDirection] = useState<DocumentDirection | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      const id = dryRun ? null : newImportId();
      setImportId(id);
      return documentsApi.importRegister(scope.unitId, file!, { dryRun, direction, importId: id });
    },
    onSuccess: (r) => {
      if (r.dryRun) return;
      notifySuccess(`Đã nhập ${formatNumber(r.imported)} văn bản vào sổ.`);
      void qc.invalidateQueries();
    },
  });
  const progress = useQuery({
    queryKey: documentKeys.importProgress(importId),
    queryFn: () => documentsApi.importProgress(importId ?? ''),
    enabled: importId !== null && run.isPending,
    refetchInterval: 700,
    retry: false,
  });
  const report =
    run.data ??
    (run.error instanceof ApiError ? (run.error.details as DocumentImportReport | undefined) : undefined);
  const errors = run.error instanceof ApiError ? readRowErrors(run.error.details) : (report?.errors ?? []);
  const p = progress.data;

  return (
    <Stack gap="md">
      <Title order={2}>Nhập sổ văn bản</Title>
      <Text size="sm" c="dimmed">
        Tệp .xlsx hoặc .csv xuất từ phần mềm quản lý văn bản; cột được nhận theo tên. Có dòng lỗi thì không
        lưu gì. Tối đa 20.000 dòng mỗi lần.
      </Text>
      <Card withBorder radius="md">
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label="Tệp sổ văn bản"
            placeholder="Chọn tệp…"
            accept=".xlsx,.csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              run.reset();
            }}
            leftSection={<IconUpload size={16} />}
            clearable
            w={{ base: '100%', sm: 320 }}
            data-testid="document-import-file"
          />
          <Select
            label="Sổ"
            placeholder="Nhận theo cột của tệp"
            data={[
              { value: 'outgoing', label: 'Sổ văn bản đi' },
              { value: 'incoming', label: 'Sổ văn bản đến' },
            ]}
            value={direction}
            onChange={(v) => setDirection(v)}
            clearable
            w={220}
          />
          <Button
            variant="default"
            disabled={!file}
            loading={run.isPending && run.variables}
            onClick={() => run.mutate(true)}
          >
            Kiểm tra tệp
          </Button>
          <Button
            disabled={!file || (report !== undefined && report.counts.invalid > 0)}
            loading={run.isPending && !run.variables}
            onClick={() => run.mutate(false)}
          >
            Nhập vào sổ
          </Button>
        </Group>
      </Card>
      {run.isPending && p && p.total > 0 && (
        <Progress value={(100 * p.done) / p.total} animated aria-label="Tiến độ lưu" />
      )}
      {run.isError && <ErrorAlert error={run.error} title="Chưa nhập được" />}
      {report && (
        <Card withBorder radius="md" data-testid="document-import-report">
          <Stack gap="sm">
            {run.data && !run.data.dryRun && (
              <Alert color="teal">Đã lưu {formatNumber(run.data.imported)} văn bản vào sổ.</Alert>
            )}
            {run.data?.dryRun && errors.length === 0 && (
              <Alert color="blue">Tệp hợp lệ: bấm &quot;Nhập vào sổ&quot; để lưu.</Alert>
            )}
            <CountBadges counts={countsOf(report)} testId="document-import-counts" />
            <RowErrorsTable errors={errors} />
            <DocumentImportSample sample={report.sample} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
