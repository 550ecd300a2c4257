import { Button, Group, Title } from '@mantine/core';
import { IconDatabaseImport, IconFileCertificate, IconFilePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DocumentDirection, DocumentPage } from '../../api/documents.js';

/** The register's title and what the caller may do: check a PDF, import, register. */
export function DocumentsHeader({
  actions,
  onRegister,
}: {
  actions: DocumentPage['actions'] | undefined;
  onRegister: (direction: DocumentDirection) => void;
}) {
  return (
    <Group justify="space-between">
      <Title order={2}>Sổ văn bản đi, đến</Title>
      <Group gap="xs">
        <Button
          component={Link}
          to="/van-ban/kiem-tra-pdf"
          variant="default"
          leftSection={<IconFileCertificate size={18} />}
        >
          Kiểm tra tệp PDF
        </Button>
        {actions?.import && (
          <Button
            component={Link}
            to="/van-ban/nhap-so"
            variant="default"
            leftSection={<IconDatabaseImport size={18} />}
          >
            Nhập sổ
          </Button>
        )}
        {actions?.register && (
          <>
            <Button leftSection={<IconFilePlus size={18} />} onClick={() => onRegister('outgoing')}>
              Vào sổ văn bản đi
            </Button>
            <Button
              variant="light"
              leftSection={<IconFilePlus size={18} />}
              onClick={() => onRegister('incoming')}
            >
              Vào sổ văn bản đến
            </Button>
          </>
        )}
      </Group>
    </Group>
  );
}
