import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { documentsApi } from '../../api/documents.js';
import type { DocumentDetail } from '../../api/documents.js';
import { notifyError, notifySuccess } from '../../components/common.js';
import { formatBytes } from '../../lib/format.js';
import { SignatureVerdicts } from './SignatureVerdicts.js';
import { FilePickAndSend } from './FilePickAndSend.js';

/** The entry's file: download, attach or replace it, check its signatures again. */
export function DocumentFileCard({
  detail: { document: d, verification },
  onRefresh,
}: {
  detail: DocumentDetail;
  onRefresh: (data: DocumentDetail) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: (f: File) => documentsApi.attach(d.id, f),
    onSuccess: (data) => {
      setFile(null);
      onRefresh(data);
      notifySuccess('Đã đính kèm tệp văn bản.');
    },
    onError: (err) => notifyError(err),
  });
  const recheck = useMutation({
    mutationFn: () => documentsApi.recheck(d.id),
    onSuccess: (data) => onRefresh(data),
    onError: (err) => notifyError(err),
  });

  return (
    <Card withBorder radius="md">
      <Title order={3} size="h4" mb="sm">
        Tệp văn bản và chữ ký số
      </Title>
      <Group gap="sm" mb="sm">
        {d.file ? (
          d.actions.download ? (
            <Button
              component="a"
              href={documentsApi.fileUrl(d.id)}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {d.file.name} ({formatBytes(d.file.size)})
            </Button>
          ) : (
            <Text size="sm">{d.file.name}</Text>
          )
        ) : (
          <Text size="sm" c="dimmed">
            Chưa đính kèm tệp.
          </Text>
        )}
        {d.actions.recheck && (
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} />}
            loading={recheck.isPending}
            onClick={() => recheck.mutate()}
          >
            Kiểm tra lại
          </Button>
        )}
      </Group>
      {d.actions.attach && (
        <FilePickAndSend
          label={d.file ? 'Thay tệp' : 'Đính kèm tệp'}
          placeholder="Chọn tệp (PDF đã ký số được kiểm tra ngay)"
          file={file}
          onFile={setFile}
          icon={<IconUpload size={16} />}
          loading={attach.isPending}
          onSend={(f) => attach.mutate(f)}
          testId="attach-file"
          mb="sm"
        >
          Tải lên
        </FilePickAndSend>
      )}
      {verification && <SignatureVerdicts v={verification} />}
    </Card>
  );
}
