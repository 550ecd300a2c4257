import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Loader,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowLeft,
  IconArrowRight,
  IconDatabaseImport,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client.js';
import type { RegisterMapping } from '../api/types.js';
import { ErrorAlert, notifySuccess } from '../components/common.js';
import { DossierBreadcrumbs, useDossierScope } from '../components/dossier.js';
import { CountBadges, RowErrorsTable } from '../components/ImportReport.js';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { DOSSIER_CHANNEL_LABELS, DOSSIER_STATUS_LABELS } from '../lib/labels.js';
import {
  fieldLabel,
  newImportId,
  readCounts,
  readProgress,
  readRegisterPreview,
  readRowErrors,
} from '../lib/importReport.js';
import type { ImportProgress, RegisterPreview } from '../lib/importReport.js';

const ACCEPT = '.xlsx,.csv,.txt';
const STEP_LABELS = ['Chọn tệp', 'Kiểm tra cột và dữ liệu', 'Nhập vào sổ'];

export function DossierImportPage() {
  const scope = useDossierScope();
  const qc = useQueryClient();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState(0);
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [mappingEdited, setMappingEdited] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);

  /** Every field the server knows: its column, or null to leave it out (a detected one too). */
  const mappingPayload = (): RegisterMapping => {
    const out: RegisterMapping = {};
    for (const f of preview?.fields ?? []) out[f.key] = null;
    for (const [k, v] of Object.entries(mapping)) out[k] = v;
    return out;
  };

  const read = useMutation({
    mutationFn: (withMapping: boolean) => {
      if (!file) throw new Error('Hãy chọn tệp sổ theo dõi.');
      return api.previewRegister(scope.unitId, file, withMapping ? mappingPayload() : null, setUpload);
    },
    onMutate: () => setUpload(0),
    onSuccess: (raw) => {
      const p = readRegisterPreview(raw);
      setPreview(p);
      setMapping(p.mapping);
      setMappingEdited(false);
      setStep(1);
    },
  });

  const commit = useMutation({
    mutationFn: (id: string) => {
      if (!file) throw new Error('Hãy chọn tệp sổ theo dõi.');
      return api.commitRegister(scope.unitId, file, preview ? mappingPayload() : null, id, setUpload);
    },
    onMutate: (id) => {
      setUpload(0);
      setImportId(id);
      setStep(2);
    },
    onSuccess: async () => {
      notifySuccess('Đã nhập sổ theo dõi hồ sơ.');
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['dossiers'] }),
        qc.invalidateQueries({ queryKey: ['dossiers-due'] }),
        qc.invalidateQueries({ queryKey: ['dossier-figures'] }),
        qc.invalidateQueries({ queryKey: ['plan'] }),
      ]);
    },
  });

  // While the commit runs (after the upload), its progress is read by the secret id this page chose
  // (the route reads no session, so it answers on SQLite too while the commit holds the database).
  const poll = useQuery({
    queryKey: ['register-import-progress', importId],
    queryFn: () => api.registerProgress(importId ?? ''),
    enabled: importId !== null && commit.isPending && upload >= 1,
    refetchInterval: 700,
    retry: false,
    select: readProgress,
  });

  if (!scope.canHandle)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách hoặc quản trị của đơn vị mới nhập sổ hồ sơ của đơn vị mình.
      </Alert>
    );

  const fields = preview?.fields ?? [];
  const label = (f: string) => fieldLabel(f, fields);
  // The fields a column can be assigned to: the server's list, or those it detected.
  const fieldKeys = fields.length > 0 ? fields.map((f) => f.key) : Object.keys(preview?.mapping ?? {});
  const assign = (index: number, field: string | null) => {
    setMapping((m) => {
      const next: Record<string, number> = {};
      for (const [k, v] of Object.entries(m)) if (v !== index && k !== field) next[k] = v;
      if (field) next[field] = index;
      return next;
    });
    setMappingEdited(true);
  };
  const missingRequired = fields.filter((f) => f.required && mapping[f.key] === undefined);
  const failedDetails = commit.error instanceof ApiError ? commit.error.details : undefined;

  return (
    <Stack gap="lg" data-testid="register-import-page">
      <DossierBreadcrumbs current="Nhập sổ hồ sơ" />
      <div>
        <Title order={2}>Nhập sổ theo dõi hồ sơ</Title>
        <Text c="dimmed">
          Đưa sổ theo dõi hồ sơ (Mẫu 06) xuất từ phần mềm một cửa khác (.xlsx, .csv) vào sổ của{' '}
          {scope.unitName}.
        </Text>
      </div>
      {narrow && (
        <Text fw={600} size="sm" c="blue">
          Bước {step + 1}/3: {STEP_LABELS[step]}
        </Text>
      )}
      <Stepper
        active={step}
        onStepClick={(s) => s < step && step < 2 && setStep(s)}
        allowNextStepsSelect={false}
        size={narrow ? 'xs' : 'sm'}
      >
        <Stepper.Step label={narrow ? undefined : STEP_LABELS[0]} aria-label={STEP_LABELS[0]}>
          <Card withBorder radius="md" padding="lg" mt="md">
            <Stack>
              <FileInput
                label="Tệp sổ theo dõi"
                description="Excel (.xlsx) hoặc CSV; dòng tiêu đề được tự nhận ra, kể cả khi có dòng tên sổ phía trên."
                placeholder="Chọn tệp…"
                accept={ACCEPT}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setPreview(null);
                }}
                clearable
                leftSection={<IconUpload size={16} />}
                data-testid="register-file"
              />
              {read.isError && <ErrorAlert error={read.error} title="Không đọc được tệp" />}
              {read.isPending && <UploadState fraction={upload} reading="Đang đọc và kiểm tra từng dòng…" />}
              <Group justify="flex-end">
                <Button
                  onClick={() => read.mutate(false)}
                  disabled={!file}
                  loading={read.isPending}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="register-read"
                >
                  Đọc tệp
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>

        <Stepper.Step label={narrow ? undefined : STEP_LABELS[1]} aria-label={STEP_LABELS[1]}>
          {preview && (
            <Stack mt="md" gap="md" data-testid="register-preview">
              {preview.message && (
                <Alert color="blue" variant="light">
                  {preview.message}
                </Alert>
              )}
              <CountBadges counts={preview.counts} testId="register-counts" />

              <Card withBorder radius="md" padding="md">
                <Title order={3} size="h4" mb={4}>
                  Cách ghép cột
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  Mỗi cột của tệp được ghép với một thông tin của sổ theo tên cột. Sửa chỗ ghép sai rồi đọc
                  lại.
                </Text>
                {preview.columns.length === 0 ? (
                  <Text size="sm" c="red">
                    Không nhận ra dòng tiêu đề của bảng.
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" data-testid="register-mapping">
                    {preview.columns.map((c) => {
                      const field = Object.entries(mapping).find(([, i]) => i === c.index)?.[0] ?? null;
                      return (
                        <Paper key={c.index} withBorder p="xs" radius="md" data-testid="register-column">
                          <Text size="xs" c="dimmed" truncate="end">
                            Cột {c.index + 1}: {c.header || '(không tên)'}
                          </Text>
                          <Select
                            aria-label={`Thông tin của cột ${c.header}`}
                            data={[
                              { value: '', label: '— Không dùng —' },
                              ...fieldKeys.map((k) => ({ value: k, label: label(k) })),
                            ]}
                            value={field ?? ''}
                            onChange={(v) => assign(c.index, v || null)}
                            allowDeselect={false}
                            size="xs"
                            mt={4}
                          />
                        </Paper>
                      );
                    })}
                  </SimpleGrid>
                )}
                {missingRequired.length > 0 && (
                  <Text size="sm" c="red" mt="xs">
                    Chưa có cột cho: {missingRequired.map((f) => f.label).join(', ')}.
                  </Text>
                )}
                {mappingEdited && (
                  <Group mt="sm">
                    <Button
                      variant="light"
                      leftSection={<IconRefresh size={16} />}
                      onClick={() => read.mutate(true)}
                      loading={read.isPending}
                      data-testid="register-reread"
                    >
                      Đọc lại theo cách ghép này
                    </Button>
                  </Group>
                )}
              </Card>

              {preview.rows.length > 0 && (
                <Card withBorder radius="md" padding="md">
                  <Title order={3} size="h4" mb="sm">
                    Các dòng đầu tiên, như sẽ được nhập
                  </Title>
                  <SampleTable preview={preview} label={label} />
                </Card>
              )}

              {preview.errors.length > 0 ? (
                <Card withBorder radius="md" padding="md">
                  <RowErrorsTable errors={preview.errors} fieldLabel={label} testId="register-errors" />
                </Card>
              ) : (
                <Alert color="teal" variant="light" title="Không có lỗi">
                  Mọi dòng đọc được đều hợp lệ.
                </Alert>
              )}
              {read.isError && <ErrorAlert error={read.error} title="Không đọc lại được tệp" />}
              {commit.isError && <ErrorAlert error={commit.error} title="Không nhập được" />}
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  onClick={() => setStep(0)}
                >
                  Chọn tệp khác
                </Button>
                <Button
                  onClick={() => commit.mutate(newImportId())}
                  disabled={mappingEdited || missingRequired.length > 0}
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
          )}
        </Stepper.Step>

        <Stepper.Step label={narrow ? undefined : STEP_LABELS[2]} aria-label={STEP_LABELS[2]}>
          <Card withBorder radius="md" padding="lg" mt="md" data-testid="register-commit-state">
            <Stack>
              {commit.isPending &&
                (upload < 1 ? (
                  <UploadState fraction={upload} reading="" />
                ) : (
                  <ProgressView p={poll.data ?? null} />
                ))}
              {commit.isError && (
                <>
                  <ErrorAlert error={commit.error} title="Không nhập được: chưa lưu hồ sơ nào" />
                  <RowErrorsTable errors={readRowErrors(failedDetails)} fieldLabel={label} />
                  <Group>
                    <Button
                      variant="default"
                      onClick={() => setStep(1)}
                      leftSection={<IconArrowLeft size={16} />}
                    >
                      Quay lại
                    </Button>
                  </Group>
                </>
              )}
              {commit.isSuccess && (
                <Alert color="teal" variant="light" title="Đã nhập xong" data-testid="register-done">
                  <Stack gap="xs">
                    <Text size="sm" data-testid="register-imported">
                      Đã nhập {formatNumber(commit.data.imported)} hồ sơ vào sổ theo dõi.
                    </Text>
                    <CountBadges counts={readCounts(commit.data)} testId="register-result-counts" />
                  </Stack>
                </Alert>
              )}
              {commit.isSuccess && (
                <Group>
                  <Button component={Link} to="/ho-so" data-testid="register-open">
                    Mở sổ theo dõi hồ sơ
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => {
                      setStep(0);
                      setFile(null);
                      setPreview(null);
                      setImportId(null);
                      commit.reset();
                    }}
                  >
                    Nhập tệp khác
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

function UploadState({ fraction, reading }: { fraction: number; reading: string }) {
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-live="polite">
      {fraction >= 1 ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{reading}</Text>
        </Group>
      ) : (
        <Stack gap={6}>
          <Text size="sm">Đang tải tệp lên… {Math.round(fraction * 100)}%</Text>
          <Progress value={Math.round(fraction * 100)} animated />
        </Stack>
      )}
    </Paper>
  );
}

/** The commit's progress: rows saved of all, when the server can tell while it works. */
function ProgressView({ p }: { p: ImportProgress | null }) {
  const known = p !== null && p.processed !== null && p.total !== null && p.total > 0;
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="register-progress">
      <Text size="sm">
        {known
          ? `Đang lưu… ${formatNumber(p.processed ?? 0)}/${formatNumber(p.total ?? 0)} hồ sơ`
          : 'Đang kiểm tra lại tệp và lưu hồ sơ vào sổ…'}
      </Text>
      <Progress value={known ? Math.round((p.fraction ?? 0) * 100) : 100} animated striped={!known} />
    </Stack>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isChannel = (v: unknown): v is keyof typeof DOSSIER_CHANNEL_LABELS =>
  typeof v === 'string' && v in DOSSIER_CHANNEL_LABELS;
const isStatus = (v: unknown): v is keyof typeof DOSSIER_STATUS_LABELS =>
  typeof v === 'string' && v in DOSSIER_STATUS_LABELS;

/**
 * The preview's first rows: as understood by the server (code, procedure, dates, status) when it
 * sends them so, otherwise cell by cell.
 */
function SampleTable({ preview, label }: { preview: RegisterPreview; label: (f: string) => string }) {
  const understood =
    preview.rawRows.length > 0 && preview.rawRows.every((r) => 'receivedAt' in r && 'applicantName' in r);
  if (!understood)
    return (
      <ScrollArea type="auto">
        <Table striped verticalSpacing={4} fz="xs" miw={700} data-testid="register-rows">
          <Table.Thead>
            <Table.Tr>
              {preview.rows.some((r) => r.row !== null) && <Table.Th>Dòng</Table.Th>}
              {preview.rowKeys.map((k) => (
                <Table.Th key={k} style={{ whiteSpace: 'nowrap' }}>
                  {label(k)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={i}>
                {preview.rows.some((x) => x.row !== null) && <Table.Td>{r.row ?? ''}</Table.Td>}
                {preview.rowKeys.map((k) => (
                  <Table.Td key={k}>{r.cells[k] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    );
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing={4} fz="xs" miw={980} data-testid="register-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dòng</Table.Th>
            <Table.Th>Mã hồ sơ</Table.Th>
            <Table.Th>Thủ tục</Table.Th>
            <Table.Th>Người nộp</Table.Th>
            <Table.Th>Kênh</Table.Th>
            <Table.Th>Tiếp nhận</Table.Th>
            <Table.Th>Hẹn trả</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rawRows.map((r, i) => (
            <Table.Tr key={i} data-testid="register-row">
              <Table.Td>{typeof r.row === 'number' ? r.row : ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {str(r.code)}
                {r.codeGenerated === true && (
                  <Text span size="xs" c="dimmed" display="block">
                    (mã tự sinh)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{[str(r.procedureCode), str(r.procedureName)].filter(Boolean).join(' – ')}</Table.Td>
              <Table.Td>{str(r.applicantName)}</Table.Td>
              <Table.Td>{isChannel(r.channel) ? DOSSIER_CHANNEL_LABELS[r.channel] : str(r.channel)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(str(r.receivedAt))}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(str(r.appointmentAt))}
                {r.appointmentComputed === true && (
                  <Text span size="xs" c="dimmed" display="block">
                    (tự tính)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {isStatus(r.status) ? DOSSIER_STATUS_LABELS[r.status] : str(r.status)}
                  </Text>
                  {r.late === true && (
                    <Badge size="xs" color="red" variant="light">
                      {r.endedAt ? 'Trễ hạn' : 'Quá hạn'}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
