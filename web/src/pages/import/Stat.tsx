import { Paper, Text } from '@mantine/core';

export function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId} data-value={value}>
        {value}
      </Text>
    </Paper>
  );
}
