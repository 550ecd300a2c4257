import { Button, FileInput, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A file chooser with the button that sends the chosen file (disabled until one is chosen). */
export function FilePickAndSend({
  label,
  placeholder,
  accept,
  file,
  onFile,
  icon,
  loading,
  onSend,
  testId,
  mb,
  children,
}: {
  label: string;
  placeholder: string;
  accept?: string;
  file: File | null;
  onFile: (file: File | null) => void;
  icon: ReactNode;
  loading: boolean;
  onSend: (file: File) => void;
  testId: string;
  mb?: string;
  children: ReactNode;
}) {
  return (
    <Group align="flex-end" mb={mb}>
      <FileInput
        label={label}
        placeholder={placeholder}
        accept={accept}
        value={file}
        onChange={onFile}
        clearable
        w={{ base: '100%', sm: 360 }}
        data-testid={testId}
      />
      <Button leftSection={icon} disabled={!file} loading={loading} onClick={() => file && onSend(file)}>
        {children}
      </Button>
    </Group>
  );
}
