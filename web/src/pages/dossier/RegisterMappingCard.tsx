import { Button, Card, Group, Paper, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { RegisterPreviewOut } from '../../api/dossier-import.js';
import type { RegisterImport } from './useRegisterImport.js';

/** Which field each column of the file holds, as matched by its header; corrected, then read again. */
export function RegisterMappingCard({ im, preview }: { im: RegisterImport; preview: RegisterPreviewOut }) {
  const choices = [
    { value: '', label: '— Không dùng —' },
    ...preview.fields.map((f) => ({ value: f.key, label: f.label })),
  ];
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h4" mb={4}>
        Cách ghép cột
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Mỗi cột của tệp được ghép với một thông tin của sổ theo tên cột. Sửa chỗ ghép sai rồi đọc lại.
      </Text>
      {preview.columns.length === 0 ? (
        <Text size="sm" c="red">
          Không nhận ra dòng tiêu đề của bảng.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" data-testid="register-mapping">
          {preview.columns.map((c) => {
            const field = Object.entries(im.mapping).find(([, i]) => i === c.index)?.[0] ?? null;
            return (
              <Paper key={c.index} withBorder p="xs" radius="md" data-testid="register-column">
                <Text size="xs" c="dimmed" truncate="end">
                  Cột {c.index + 1}: {c.header || '(không tên)'}
                </Text>
                <Select
                  aria-label={`Thông tin của cột ${c.header}`}
                  data={choices}
                  value={field ?? ''}
                  onChange={(v) => im.assign(c.index, v || null)}
                  allowDeselect={false}
                  size="xs"
                  mt={4}
                />
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
      {im.missingRequired.length > 0 && (
        <Text size="sm" c="red" mt="xs">
          Chưa có cột cho: {im.missingRequired.map((f) => f.label).join(', ')}.
        </Text>
      )}
      {im.mappingEdited && (
        <Group mt="sm">
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} />}
            onClick={() => im.read.mutate(true)}
            loading={im.read.isPending}
            data-testid="register-reread"
          >
            Đọc lại theo cách ghép này
          </Button>
        </Group>
      )}
    </Card>
  );
}
