import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  CloseButton,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconFileImport, IconPencil, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { OnlineLevel, Procedure, ResultType, TimeLimitUnit } from '../api/types.js';
import { EmptyText, ErrorAlert, FormActions, notifySuccess, PageLoader } from '../components/common.js';
import { DossierBreadcrumbs, useDossierScope } from '../components/dossier.js';
import { CountBadges, RowErrorsTable } from '../components/ImportReport.js';
import { matchesSearch } from '../lib/format.js';
import { readCounts, readMessage, readRowErrors } from '../lib/importReport.js';
import {
  ONLINE_LEVEL_LABELS,
  RESULT_TYPE_LABELS,
  TIME_LIMIT_UNIT_LABELS,
  TIME_LIMIT_UNITS,
} from '../lib/labels.js';

const ACTION_LABELS: Record<string, string> = {
  created: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không đổi',
};

/** As the server names the catalogue's columns in its row errors ('file': the whole table). */
const PROCEDURE_FIELD_LABELS: Record<string, string> = {
  file: 'Cả tệp',
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  limit: 'Thời hạn giải quyết',
  limitAmount: 'Thời hạn giải quyết',
  limitUnit: 'Đơn vị thời hạn',
  fee: 'Phí, lệ phí',
  feeText: 'Phí, lệ phí',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  resultType: 'Loại kết quả',
};

export function ProceduresPage() {
  const scope = useDossierScope();
  const list = useQuery({
    queryKey: ['procedures', scope.unitId],
    queryFn: () => api.procedures(scope.unitId),
  });
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
  const narrow = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const shown = (list.data ?? []).filter((p) => matchesSearch(search, [p.code, p.name, p.field]));

  return (
    <Stack gap="lg" data-testid="procedures-page">
      <DossierBreadcrumbs current="Danh mục thủ tục" />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Danh mục thủ tục hành chính</Title>
          <Text c="dimmed">
            Thủ tục {scope.unitName} tiếp nhận, với thời hạn giải quyết để tính ngày hẹn trả
          </Text>
        </div>
        {scope.canHandle && (
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting((v) => !v)}
              data-testid="procedure-import-toggle"
            >
              Nhập từ tệp
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing('new')}
              data-testid="procedure-add"
            >
              Thêm thủ tục
            </Button>
          </Group>
        )}
      </Group>

      {importing && scope.canHandle && <ImportCard unitId={scope.unitId} />}

      <TextInput
        placeholder="Tìm theo mã, tên, lĩnh vực (gõ không dấu cũng được)"
        leftSection={<IconSearch size={16} />}
        rightSection={
          search ? <CloseButton size="sm" onClick={() => setSearch('')} aria-label="Xóa tìm kiếm" /> : null
        }
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={480}
        aria-label="Tìm thủ tục"
      />

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyText>Danh mục chưa có thủ tục nào.</EmptyText>
      ) : shown.length === 0 ? (
        <EmptyText>Không có thủ tục phù hợp.</EmptyText>
      ) : narrow ? (
        <Stack gap="xs" data-testid="procedure-list">
          {shown.map((p) => (
            <Paper key={p.id} withBorder p="sm" radius="md" data-testid="procedure-row" data-code={p.code}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {p.code}
                    {!p.active && (
                      <Badge ml={6} size="xs" color="gray">
                        Ngừng áp dụng
                      </Badge>
                    )}
                  </Text>
                  <Text size="sm">{p.name}</Text>
                  <Text size="xs" c="dimmed">
                    {p.limitText} · {ONLINE_LEVEL_LABELS[p.onlineLevel]}
                    {p.feeText ? ` · ${p.feeText}` : ''}
                  </Text>
                </div>
                {scope.canHandle && <EditButton p={p} onClick={() => setEditing(p)} />}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="procedure-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Tên thủ tục</Table.Th>
                <Table.Th>Lĩnh vực</Table.Th>
                <Table.Th>Thời hạn</Table.Th>
                <Table.Th>Phí, lệ phí</Table.Th>
                <Table.Th>Trực tuyến</Table.Th>
                <Table.Th>Kết quả</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Table.Tr
                  key={p.id}
                  data-testid="procedure-row"
                  data-code={p.code}
                  opacity={p.active ? 1 : 0.6}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.code}
                    {!p.active && (
                      <Badge ml={6} size="xs" color="gray">
                        Ngừng áp dụng
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td maw={360}>{p.name}</Table.Td>
                  <Table.Td>{p.field ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="procedure-limit">
                    {p.limitText}
                  </Table.Td>
                  <Table.Td>{p.feeText ?? (p.feeBearing ? 'Có' : 'Không')}</Table.Td>
                  <Table.Td>{ONLINE_LEVEL_LABELS[p.onlineLevel]}</Table.Td>
                  <Table.Td>{RESULT_TYPE_LABELS[p.resultType]}</Table.Td>
                  <Table.Td>{scope.canHandle && <EditButton p={p} onClick={() => setEditing(p)} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ProcedureModal
          unitId={scope.unitId}
          procedure={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function EditButton({ p, onClick }: { p: Procedure; onClick: () => void }) {
  return (
    <Tooltip label="Sửa">
      <ActionIcon
        variant="light"
        onClick={onClick}
        aria-label={`Sửa thủ tục ${p.code}`}
        data-testid="procedure-edit"
      >
        <IconPencil size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function ProcedureModal({
  unitId,
  procedure,
  onClose,
}: {
  unitId: number;
  procedure: Procedure | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [code, setCode] = useState(procedure?.code ?? '');
  const [name, setName] = useState(procedure?.name ?? '');
  const [field, setField] = useState(procedure?.field ?? '');
  const [limitAmount, setLimitAmount] = useState<number | string>(procedure?.limitAmount ?? '');
  const [limitUnit, setLimitUnit] = useState<TimeLimitUnit>(procedure?.limitUnit ?? 'working_days');
  const [feeText, setFeeText] = useState(procedure?.feeText ?? '');
  const [feeBearing, setFeeBearing] = useState(procedure?.feeBearing ?? false);
  const [onlineLevel, setOnlineLevel] = useState<OnlineLevel>(procedure?.onlineLevel ?? 'partial');
  const [resultType, setResultType] = useState<ResultType>(procedure?.resultType ?? 'paper');
  const [active, setActive] = useState(procedure?.active ?? true);
  const save = useMutation({
    mutationFn: () => {
      const amount =
        typeof limitAmount === 'number' ? limitAmount : Number(String(limitAmount).replace(',', '.'));
      if (!(amount > 0)) throw new Error('Nhập thời hạn giải quyết (lớn hơn 0).');
      const input = {
        unitId,
        code: code.trim(),
        name: name.trim(),
        field: field.trim() || null,
        limitUnit,
        limitAmount: amount,
        feeText: feeText.trim() || null,
        feeBearing,
        onlineLevel,
        resultType,
        active,
      };
      return procedure ? api.updateProcedure(procedure.id, input) : api.createProcedure(input);
    },
    onSuccess: async (p) => {
      notifySuccess(procedure ? `Đã lưu thủ tục ${p.code}.` : `Đã thêm thủ tục ${p.code}.`);
      await qc.invalidateQueries({ queryKey: ['procedures'] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={procedure ? `Sửa thủ tục ${procedure.code}` : 'Thêm thủ tục'}
      size="lg"
    >
      <form onSubmit={submit} data-testid="procedure-form">
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label="Mã thủ tục"
              description="Theo Cơ sở dữ liệu quốc gia"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              maxLength={64}
              data-autofocus
              data-testid="procedure-code"
            />
            <TextInput
              label="Lĩnh vực"
              description="Ví dụ: Hộ tịch"
              value={field}
              onChange={(e) => setField(e.currentTarget.value)}
              maxLength={300}
              style={{ gridColumn: 'span 2' }}
              data-testid="procedure-field"
            />
          </SimpleGrid>
          <TextInput
            label="Tên thủ tục"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            minLength={3}
            maxLength={1000}
            data-testid="procedure-name"
          />
          <Group gap="sm" align="flex-end" grow>
            <NumberInput
              label="Thời hạn giải quyết"
              value={limitAmount}
              onChange={setLimitAmount}
              min={0.5}
              max={1000}
              decimalScale={1}
              decimalSeparator=","
              required
              data-testid="procedure-limit-amount"
            />
            <Select
              label="Đơn vị"
              data={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: TIME_LIMIT_UNIT_LABELS[u] }))}
              value={limitUnit}
              onChange={(v) => v && setLimitUnit(v)}
              allowDeselect={false}
              data-testid="procedure-limit-unit"
            />
          </Group>
          <TextInput
            label="Phí, lệ phí"
            placeholder="Ví dụ: 8.000 đồng/bản; để trống nếu không thu"
            value={feeText}
            onChange={(e) => {
              setFeeText(e.currentTarget.value);
              if (e.currentTarget.value.trim() && !feeText.trim()) setFeeBearing(true);
            }}
            maxLength={500}
          />
          <Switch
            label="Thủ tục có thu phí, lệ phí (tính tỷ lệ thanh toán trực tuyến)"
            checked={feeBearing}
            onChange={(e) => setFeeBearing(e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label="Mức độ dịch vụ công trực tuyến"
              data={(Object.keys(ONLINE_LEVEL_LABELS) as OnlineLevel[]).map((k) => ({
                value: k,
                label: ONLINE_LEVEL_LABELS[k],
              }))}
              value={onlineLevel}
              onChange={(v) => v && setOnlineLevel(v)}
              allowDeselect={false}
            />
            <Select
              label="Kết quả giải quyết"
              data={(Object.keys(RESULT_TYPE_LABELS) as ResultType[]).map((k) => ({
                value: k,
                label: RESULT_TYPE_LABELS[k],
              }))}
              value={resultType}
              onChange={(v) => v && setResultType(v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {procedure && (
            <Switch
              label="Đang áp dụng (bỏ chọn: không tiếp nhận hồ sơ mới của thủ tục này)"
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          <FormActions onCancel={onClose} loading={save.isPending} testId="procedure-save">
            {procedure ? 'Lưu' : 'Thêm thủ tục'}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

function ImportCard({ unitId }: { unitId: number }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [dryRun, setDryRun] = useState(false);
  const run = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('Hãy chọn tệp danh mục.');
      return api.importProcedures(unitId, file, dryRun, setProgress);
    },
    onMutate: () => setProgress(0),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['procedures'] });
    },
  });
  // A refused file may carry its row errors in the error's details.
  const failedDetails = run.error instanceof ApiError ? run.error.details : undefined;
  const report = run.data;
  const label = (f: string) => PROCEDURE_FIELD_LABELS[f] ?? f;
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
        {run.isSuccess && (
          <Alert
            color={readRowErrors(report).length > 0 ? 'orange' : 'teal'}
            variant="light"
            title={report?.dryRun ? 'Kết quả kiểm tra (chưa lưu)' : 'Đã nhập danh mục'}
            data-testid="procedure-import-report"
          >
            <Stack gap="xs">
              {readMessage(report) && <Text size="sm">{readMessage(report)}</Text>}
              <CountBadges counts={readCounts(report)} testId="procedure-import-counts" />
              <RowErrorsTable errors={readRowErrors(report)} fieldLabel={label} />
              {Array.isArray(report?.rows) && report.rows.length > 0 && (
                <ScrollArea.Autosize mah={300} type="auto">
                  <Table verticalSpacing={2} fz="sm">
                    <Table.Tbody>
                      {report.rows.map((r) => (
                        <Table.Tr key={`${r.row}-${r.code}`}>
                          <Table.Td w={60}>{r.row}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.code}</Table.Td>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.limitText}</Table.Td>
                          <Table.Td>
                            <Badge
                              size="sm"
                              variant="light"
                              color={
                                r.action === 'created' ? 'teal' : r.action === 'updated' ? 'blue' : 'gray'
                              }
                            >
                              {ACTION_LABELS[r.action] ?? r.action}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
