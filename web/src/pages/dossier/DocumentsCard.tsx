import { Card, List, Text, Title } from '@mantine/core';
import type { DossierDetail } from '../../api/dossiers.js';
import { EmptyText } from '../../components/common.js';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels.js';

export function DocumentsCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-documents">
      <Title order={3} size="h4" mb="sm">
        Thành phần hồ sơ ({d.documents.length})
      </Title>
      {d.documents.length === 0 ? (
        <EmptyText>Không có.</EmptyText>
      ) : (
        <List type="ordered" size="sm" spacing={4}>
          {d.documents.map((doc, i) => (
            <List.Item key={i}>
              {doc.name}
              <Text span size="xs" c="dimmed">
                {' '}
                (
                {[
                  doc.kind && doc.kind in DOCUMENT_KIND_LABELS
                    ? DOCUMENT_KIND_LABELS[doc.kind as keyof typeof DOCUMENT_KIND_LABELS]
                    : null,
                  `${doc.copies ?? 1} bản`,
                ]
                  .filter(Boolean)
                  .join(', ')}
                )
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
