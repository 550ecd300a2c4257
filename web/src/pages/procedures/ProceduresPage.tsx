import { Button, CloseButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { procedureApi, procedureKeys } from '../../api/procedures.js';
import type { Procedure } from '../../api/procedures.js';
import { EmptyText, ErrorAlert, PageLoader } from '../../components/common.js';
import { DossierBreadcrumbs, useDossierScope } from '../../components/dossier.js';
import { matchesSearch } from '../../lib/format.js';
import { ProcedureImportCard } from './ProcedureImportCard.js';
import { ProcedureList } from './ProcedureList.js';
import { ProcedureModal } from './ProcedureModal.js';

/** `/ho-so/thu-tuc`: the unit's procedure catalogue (time limits for the appointments). */
export function ProceduresPage() {
  const scope = useDossierScope();
  const list = useQuery({
    queryKey: procedureKeys.list(scope.unitId),
    queryFn: () => procedureApi.list(scope.unitId),
  });
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
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

      {importing && scope.canHandle && <ProcedureImportCard unitId={scope.unitId} />}

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
      ) : (
        <ProcedureList procedures={shown} onEdit={scope.canHandle ? setEditing : null} />
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
