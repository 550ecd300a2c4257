import { Button, Card, FileButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parApi, parKeys } from '../../api/par.js';
import { EmptyText, notifyError, notifySuccess } from '../../components/common.js';
import { UNIT_KINDS } from '../../lib/labels.js';
import { PAR_LIMITS } from '../../../../src/shared/par.js';
import { CriteriaPreviewList } from './CriteriaPreviewList.js';

/** The kinds of unit a set may be issued for (none: every kind). */
const KIND_OPTIONS = (
  ['school', 'kindergarten', 'ward', 'department', 'office', 'service_unit'] as const
).map((k) => ({ value: k, label: UNIT_KINDS[k] }));

const textField = (label: string, value: string, onText: (v: string) => void) => (
  <TextInput label={label} value={value} onChange={(e) => onText(e.currentTarget.value)} w={320} />
);

/** The criteria sets that apply to the unit or that it issued, and the import of a new one (with a preview). */
export function CriteriaImport({ unitId, year }: { unitId: number; year: number }) {
  const qc = useQueryClient();
  const sets = useQuery({ queryKey: parKeys.sets(unitId), queryFn: () => parApi.sets(unitId) });
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('school');
  const [source, setSource] = useState('');
  const preview = useMutation({
    mutationFn: (f: File) => parApi.previewCriteria(f),
    onError: (e) => notifyError(e),
  });
  const save = useMutation({
    mutationFn: () =>
      parApi.importCriteria(file!, { unitId, name, year, unitKind: kind, source: source || null }),
    onSuccess: (r) => {
      notifySuccess(`Đã nhập bộ tiêu chí, phiên bản ${r.version}.`);
      void qc.invalidateQueries({ queryKey: parKeys.sets(unitId) });
    },
    onError: (e) => notifyError(e),
  });
  if (!sets.data) return null;
  return (
    <Card withBorder>
      <Title order={4}>Bộ tiêu chí</Title>
      {sets.data.items.length === 0 ? (
        <EmptyText>Chưa có bộ tiêu chí nào.</EmptyText>
      ) : (
        sets.data.items.map((s) => (
          <Text key={s.id} size="sm">
            {s.name} · năm {s.year} · phiên bản {s.version} · {s.totalMax} điểm · {s.owner.name}
            {s.status === 'superseded' ? ' (đã thay thế)' : ''}
          </Text>
        ))
      )}
      {sets.data.actions.import && (
        <Stack mt="sm" gap="xs">
          <Group>
            <FileButton
              accept=".xlsx"
              onChange={(f) => {
                setFile(f);
                if (f) preview.mutate(f);
              }}
            >
              {(props) => (
                <Button variant="light" {...props}>
                  Chọn tệp bộ tiêu chí (.xlsx)
                </Button>
              )}
            </FileButton>
            {file && <Text size="sm">{file.name}</Text>}
          </Group>
          {preview.data && <CriteriaPreviewList preview={preview.data} />}
          <Group align="flex-end">
            {textField('Tên bộ tiêu chí', name, setName)}
            <Select
              label="Áp dụng cho"
              value={kind}
              onChange={setKind}
              clearable
              placeholder="Mọi loại đơn vị"
              data={KIND_OPTIONS}
            />
            {textField('Văn bản ban hành', source, setSource)}
            <Button
              disabled={!file || !preview.data?.ok || name.trim().length < PAR_LIMITS.setNameMin}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              Nhập bộ tiêu chí năm {year}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
