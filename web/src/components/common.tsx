import { Alert, Badge, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';
import type { TaskStatus } from '../api/types.js';
import { STATUS_COLORS, STATUS_LABELS } from '../lib/labels.js';

export function ErrorAlert({ error, title = 'Không thực hiện được' }: { error: unknown; title?: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid="error-alert"
    >
      {errorMessage(error)}
    </Alert>
  );
}

export function PageLoader({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: TaskStatus;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="status-badge"
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** The footer of a dialog's form: “Hủy” (calls `onCancel`) and the submit button (`children`). */
export function FormActions({
  onCancel,
  loading,
  color,
  testId,
  children,
}: {
  onCancel: () => void;
  loading?: boolean;
  color?: MantineColor;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Hủy
      </Button>
      <Button type="submit" color={color} loading={loading} data-testid={testId}>
        {children}
      </Button>
    </Group>
  );
}

export function EmptyText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="sm">
      {children}
    </Text>
  );
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, icon: <IconCheck size={18} /> });
}

export function notifyError(err: unknown, title = 'Không thực hiện được'): void {
  notifications.show({
    color: 'red',
    title,
    message: errorMessage(err),
    icon: <IconX size={18} />,
    autoClose: 8000,
  });
}
