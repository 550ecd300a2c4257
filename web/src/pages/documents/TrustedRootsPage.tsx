import { Alert, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCertificate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { documentKeys, documentsApi } from '../../api/documents.js';
import { EmptyText, ErrorAlert, PageLoader, notifyError, notifySuccess } from '../../components/common.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { FilePickAndSend } from './FilePickAndSend.js';

/**
 * Trusted root certificates (administrators of a top-level unit): signatures chaining to them are
 * "hợp lệ"; with none, a correct signature stays "chưa xác minh chuỗi". Removed roots stay listed.
 */
export function TrustedRootsPage() {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const roots = useQuery({ queryKey: documentKeys.trustedRoots, queryFn: documentsApi.trustedRoots });
  const done = (message: string) => {
    notifySuccess(message);
    void qc.invalidateQueries({ queryKey: documentKeys.trustedRoots });
    void qc.invalidateQueries({ queryKey: documentKeys.details });
  };
  const add = useMutation({
    mutationFn: (f: File) => documentsApi.addTrustedRoot(f),
    onSuccess: (r) => {
      setFile(null);
      done(`Đã thêm chứng thư gốc: ${r.subject}`);
    },
    onError: (err) => notifyError(err),
  });
  const remove = useMutation({
    mutationFn: (id: number) => documentsApi.removeTrustedRoot(id),
    onSuccess: () => done('Đã gỡ chứng thư gốc khỏi danh sách tin cậy.'),
    onError: (err) => notifyError(err),
  });

  if (roots.isPending) return <PageLoader />;
  if (roots.isError) return <ErrorAlert error={roots.error} />;
  const { items, actions } = roots.data;
  return (
    <Stack gap="md">
      <Title order={2}>Chứng thư gốc tin cậy</Title>
      <Alert variant="light" color="blue">
        Máy chủ không có sẵn chứng thư gốc của các tổ chức cung cấp dịch vụ chứng thực chữ ký số. Tải chứng
        thư gốc (.cer, .crt, .der, .pem) từ trang của Ban Cơ yếu Chính phủ hoặc tổ chức cung cấp dịch vụ rồi
        nhập ở đây; sau đó bấm &quot;Kiểm tra lại&quot; ở các văn bản đã đính kèm tệp.
      </Alert>
      {actions.add && (
        <Card withBorder radius="md">
          <FilePickAndSend
            label="Tệp chứng thư gốc"
            placeholder="Chọn tệp .cer, .crt, .der, .pem"
            accept=".cer,.crt,.der,.pem"
            file={file}
            onFile={setFile}
            icon={<IconCertificate size={18} />}
            loading={add.isPending}
            onSend={(f) => add.mutate(f)}
            testId="root-file"
          >
            Thêm chứng thư gốc
          </FilePickAndSend>
        </Card>
      )}
      {items.length === 0 ? (
        <EmptyText>Chưa có chứng thư gốc tin cậy nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="trusted-roots">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Chủ thể</Table.Th>
                <Table.Th>Hiệu lực</Table.Th>
                <Table.Th>Thêm lúc</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} opacity={r.removedAt ? 0.6 : 1}>
                  <Table.Td>
                    <Text size="sm">{r.subject}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.fingerprint}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(r.notBefore)} – {formatDate(r.notAfter)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.addedAt)}</Table.Td>
                  <Table.Td>
                    {r.removedAt ? (
                      <Text size="xs" c="dimmed">
                        đã gỡ {formatDateTime(r.removedAt)}
                      </Text>
                    ) : (
                      actions.remove && (
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          leftSection={<IconTrash size={14} />}
                          loading={remove.isPending && remove.variables === r.id}
                          onClick={() => remove.mutate(r.id)}
                        >
                          Gỡ
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
