import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="xs" component="span" mr="sm">
      <Text span c="dimmed" size="xs">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}
