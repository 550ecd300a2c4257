import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { RECEIVE_LIMITS } from '../../../../src/shared/dossiers.js';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../../lib/labels.js';
import { newDocRow } from './receive.js';
import type { DocRow, ReceiveForm } from './receive.js';

/** The papers received, one row each (at least one; printed on Mẫu 01). */
export function ReceiveDocumentsCard({ form }: { form: ReceiveForm }) {
  const docs = form.getValues().docs;
  const setDoc = (key: number, patch: Partial<DocRow>) =>
    form.setFieldValue(
      'docs',
      docs.map((d) => (d.key === key ? { ...d, ...patch } : d)),
    );
  return (
    <Card withBorder radius="md" padding="md" data-testid="receive-documents">
      <Title order={3} size="h4" mb={4}>
        Thành phần hồ sơ đã nhận
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Ghi từng giấy tờ đã nhận (in trên Mẫu 01); cần ít nhất một thành phần.
      </Text>
      <Stack gap="xs">
        {docs.map((d, i) => (
          <Paper key={d.key} withBorder p="xs" radius="md" data-testid="receive-document-row">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Group gap="xs" align="flex-end" wrap="nowrap" style={{ flex: '1 1 260px' }}>
                <Text size="sm" fw={600} w={20} pb={8}>
                  {i + 1}.
                </Text>
                <TextInput
                  label="Tên giấy tờ"
                  value={d.name}
                  onChange={(e) => setDoc(d.key, { name: e.currentTarget.value })}
                  maxLength={RECEIVE_LIMITS.documentName}
                  style={{ flex: 1 }}
                  data-testid="receive-document-name"
                />
              </Group>
              <Group gap="xs" align="flex-end" wrap="nowrap" style={{ flex: '1 1 300px' }} maw={{ sm: 340 }}>
                <NumberInput
                  label="Số bản"
                  value={d.copies}
                  onChange={(v) => setDoc(d.key, { copies: v })}
                  min={1}
                  max={RECEIVE_LIMITS.documentCopies}
                  allowDecimal={false}
                  w={80}
                />
                <Select
                  label="Loại"
                  data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
                  value={d.kind}
                  onChange={(v) => v && setDoc(d.key, { kind: v })}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                />
                <Tooltip label="Bỏ thành phần này">
                  <ActionIcon
                    variant="light"
                    color="red"
                    size="lg"
                    mb={1}
                    onClick={() =>
                      form.setFieldValue(
                        'docs',
                        docs.filter((x) => x.key !== d.key),
                      )
                    }
                    disabled={docs.length === 1}
                    aria-label={`Bỏ thành phần ${i + 1}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.setFieldValue('docs', [...docs, newDocRow()])}
            disabled={docs.length >= RECEIVE_LIMITS.documents}
            data-testid="receive-add-document"
          >
            Thêm thành phần
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
