import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowsMove, IconCalendarCog, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { unitsChanged } from '../api/changes.js';
import { unitApi } from '../api/units.js';
import type { Unit, UnitKind } from '../api/types.js';
import { EmptyText, ErrorAlert, FormActions, notifySuccess, PageLoader } from '../components/common.js';
import { UnitCalendarSettingsModal } from '../components/UnitCalendarSettingsModal.js';
import { UNIT_KIND_KEYS, UNIT_KINDS } from '../lib/labels.js';
import { useUnits } from '../session.js';

type Dialog =
  | { kind: 'create'; parent: Unit }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'move'; unit: Unit }
  | { kind: 'calendar'; unit: Unit };

const kindLabel = (k: string) => (k in UNIT_KINDS ? UNIT_KINDS[k as UnitKind] : k);

export function UnitsPage() {
  const units = useUnits();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const narrow = useMediaQuery('(max-width: 36em)');
  const indent = narrow ? 14 : 28;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Đơn vị</Title>
        <Text c="dimmed">Đơn vị của bạn và các đơn vị trực thuộc</Text>
      </div>
      {units.isPending && <PageLoader />}
      {units.isError && <ErrorAlert error={units.error} />}
      {units.data && units.data.length === 0 && <EmptyText>Không có đơn vị nào.</EmptyText>}
      {units.data && (
        <Stack gap={6} role="tree" aria-label="Cây đơn vị" data-testid="unit-tree">
          {units.data.map((u) => (
            <Paper
              key={u.id}
              withBorder
              p="xs"
              radius="md"
              ml={u.depth * indent}
              role="treeitem"
              aria-level={u.depth + 1}
              data-testid="unit-row"
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Box style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={u.depth === 0 ? 700 : 500} size="sm">
                      {u.name}
                    </Text>
                    <Badge size="sm" variant="outline" color="gray" tt="none">
                      {u.code}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {kindLabel(u.kind)}
                    {u.superiorName ? ` · Cấp trên: ${u.superiorName}` : ''}
                  </Text>
                </Box>
                <Group gap={4} wrap="nowrap">
                  {u.actions.edit && (
                    <>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="cyan"
                        leftSection={<IconCalendarCog size={16} />}
                        onClick={() => setDialog({ kind: 'calendar', unit: u })}
                        visibleFrom="sm"
                        data-testid="unit-calendar-settings"
                      >
                        Lịch làm việc
                      </Button>
                      <Tooltip label="Lịch làm việc">
                        <ActionIcon
                          variant="light"
                          color="cyan"
                          onClick={() => setDialog({ kind: 'calendar', unit: u })}
                          aria-label={`Lịch làm việc của ${u.name}`}
                          hiddenFrom="sm"
                        >
                          <IconCalendarCog size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </>
                  )}
                  {u.actions.addChild && (
                    <Tooltip label="Thêm đơn vị trực thuộc">
                      <ActionIcon
                        variant="light"
                        color="teal"
                        onClick={() => setDialog({ kind: 'create', parent: u })}
                        aria-label={`Thêm đơn vị trực thuộc ${u.name}`}
                      >
                        <IconPlus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {u.actions.edit && (
                    <Tooltip label="Sửa">
                      <ActionIcon
                        variant="light"
                        onClick={() => setDialog({ kind: 'edit', unit: u })}
                        aria-label={`Sửa ${u.name}`}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {u.actions.move && (
                    <Tooltip label="Chuyển sang đơn vị cấp trên khác">
                      <ActionIcon
                        variant="light"
                        color="grape"
                        onClick={() => setDialog({ kind: 'move', unit: u })}
                        aria-label={`Chuyển ${u.name}`}
                      >
                        <IconArrowsMove size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {dialog && (dialog.kind === 'create' || dialog.kind === 'edit') && (
        <UnitFormModal dialog={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'calendar' && units.data && (
        <UnitCalendarSettingsModal unit={dialog.unit} units={units.data} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'move' && units.data && (
        <MoveModal unit={dialog.unit} units={units.data} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function useUnitsChanged() {
  const qc = useQueryClient();
  return () => unitsChanged(qc);
}

function UnitFormModal({
  dialog,
  onClose,
}: {
  dialog: { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };
  onClose: () => void;
}) {
  const changed = useUnitsChanged();
  const initial = dialog.kind === 'edit' ? dialog.unit : null;
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<UnitKind>((initial?.kind as UnitKind | undefined) ?? 'school');
  const save = useMutation({
    mutationFn: () =>
      dialog.kind === 'create'
        ? unitApi.create({ code: code.trim(), name: name.trim(), kind, parentId: dialog.parent.id })
        : unitApi.update(dialog.unit.id, { code: code.trim(), name: name.trim(), kind }),
    onSuccess: async (u) => {
      notifySuccess(dialog.kind === 'create' ? `Đã tạo đơn vị ${u.name}.` : `Đã lưu đơn vị ${u.name}.`);
      await changed();
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
      title={dialog.kind === 'create' ? `Thêm đơn vị trực thuộc ${dialog.parent.name}` : `Sửa đơn vị`}
    >
      <form onSubmit={submit}>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <TextInput
            label="Mã đơn vị"
            description="Chữ, số, dấu gạch, dấu chấm; ví dụ MNTT"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            maxLength={32}
            data-autofocus
          />
          <TextInput
            label="Tên đơn vị"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            minLength={2}
            maxLength={300}
          />
          <Select
            label="Loại đơn vị"
            data={UNIT_KIND_KEYS.map((k) => ({ value: k, label: UNIT_KINDS[k] }))}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
            required
          />
          <FormActions onCancel={onClose} loading={save.isPending}>
            {dialog.kind === 'create' ? 'Tạo đơn vị' : 'Lưu'}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

function MoveModal({ unit, units, onClose }: { unit: Unit; units: Unit[]; onClose: () => void }) {
  const changed = useUnitsChanged();
  // A unit cannot move into itself or below itself.
  const below = new Set<number>([unit.id]);
  for (const u of units) if (u.parentId !== null && below.has(u.parentId)) below.add(u.id);
  const candidates = units.filter((u) => u.actions.addChild && !below.has(u.id) && u.id !== unit.parentId);
  const [parentId, setParentId] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: () => unitApi.move(unit.id, Number(parentId)),
    onSuccess: async (u) => {
      notifySuccess(`Đã chuyển ${u.name} sang ${u.superiorName ?? 'đơn vị mới'}.`);
      await changed();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Chuyển đơn vị ${unit.name}`}>
      <Stack>
        <Text size="sm">
          Đơn vị (cùng các đơn vị trực thuộc) sẽ thuộc đơn vị cấp trên mới; kế hoạch, tiến độ và lịch sử vẫn
          được giữ nguyên.
        </Text>
        {move.isError && <ErrorAlert error={move.error} />}
        {candidates.length === 0 ? (
          <EmptyText>Không có đơn vị nào khác để chuyển đến.</EmptyText>
        ) : (
          <Select
            label="Đơn vị cấp trên mới"
            placeholder="Chọn đơn vị"
            data={candidates.map((u) => ({
              value: String(u.id),
              label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`,
            }))}
            value={parentId}
            onChange={setParentId}
            searchable
            nothingFoundMessage="Không có đơn vị phù hợp"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={() => move.mutate()} disabled={!parentId} loading={move.isPending}>
            Chuyển
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
