import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { RegisterImportProgress } from '../../api/dossier-import.js';
import { ErrorAlert } from '../../components/common.js';
import { UploadProgress } from '../../components/ImportStepper.js';
import { CountBadges, RowErrorsTable } from '../../components/ImportReport.js';
import { formatNumber } from '../../lib/format.js';
import { readCounts, readRowErrors } from '../../lib/importReport.js';
import type { RegisterImport } from './useRegisterImport.js';

/** The commit's progress: rows saved of all, when the server can tell while it works. */
function progressView(p: RegisterImportProgress | null) {
  const known = p !== null && p.total > 0;
  const value = known ? Math.round(Math.max(0, Math.min(1, p.done / p.total)) * 100) : 100;
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="register-progress">
      <Text size="sm">
        {known
          ? `Đang lưu… ${formatNumber(p.done)}/${formatNumber(p.total)} hồ sơ`
          : 'Đang kiểm tra lại tệp và lưu hồ sơ vào sổ…'}
      </Text>
      <Progress value={value} animated striped={!known} />
    </Stack>
  );
}

/** Step 3: the upload, the saving with its progress, then the result (or the row errors). */
export function RegisterCommitStep({ im }: { im: RegisterImport }) {
  const { commit } = im;
  const failedDetails = commit.error instanceof ApiError ? commit.error.details : undefined;
  return (
    <Card withBorder radius="md" padding="lg" mt="md" data-testid="register-commit-state">
      <Stack>
        {commit.isPending &&
          (im.upload < 1 ? <UploadProgress fraction={im.upload} reading="" /> : progressView(im.progress))}
        {commit.isError && (
          <>
            <ErrorAlert error={commit.error} title="Không nhập được: chưa lưu hồ sơ nào" />
            <RowErrorsTable errors={readRowErrors(failedDetails)} fieldLabel={im.label} />
            <Group>
              <Button
                variant="default"
                onClick={() => im.setStep(1)}
                leftSection={<IconArrowLeft size={16} />}
              >
                Quay lại
              </Button>
            </Group>
          </>
        )}
        {commit.isSuccess && (
          <>
            <Alert color="teal" variant="light" title="Đã nhập xong" data-testid="register-done">
              <Stack gap="xs">
                <Text size="sm" data-testid="register-imported">
                  Đã nhập {formatNumber(commit.data.imported)} hồ sơ vào sổ theo dõi.
                </Text>
                <CountBadges counts={readCounts(commit.data)} testId="register-result-counts" />
              </Stack>
            </Alert>
            <Group>
              <Button component={Link} to="/ho-so" data-testid="register-open">
                Mở sổ theo dõi hồ sơ
              </Button>
              <Button variant="default" onClick={im.restart}>
                Nhập tệp khác
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
