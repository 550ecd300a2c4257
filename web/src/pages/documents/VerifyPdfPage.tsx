import { Card, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { documentsApi } from '../../api/documents.js';
import { ErrorAlert } from '../../components/common.js';
import { SignatureVerdicts } from './SignatureVerdicts.js';
import { FilePickAndSend } from './FilePickAndSend.js';

/** "Kiểm tra tệp PDF": a PDF's signature verdicts without registering it (nothing is stored). */
export function VerifyPdfPage() {
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => documentsApi.verifyPdf(f) });
  return (
    <Stack gap="md">
      <Title order={2}>Kiểm tra chữ ký số tệp PDF</Title>
      <Text c="dimmed" size="sm">
        Chọn tệp PDF đã ký số để xem kết quả kiểm tra từng chữ ký. Tệp không được lưu và không vào sổ văn bản.
      </Text>
      <Card withBorder radius="md">
        <FilePickAndSend
          label="Tệp PDF"
          placeholder="Chọn tệp .pdf"
          accept="application/pdf,.pdf"
          file={file}
          onFile={(f) => {
            setFile(f);
            check.reset();
          }}
          icon={<IconFileCertificate size={18} />}
          loading={check.isPending}
          onSend={(f) => check.mutate(f)}
          testId="verify-file"
        >
          Kiểm tra
        </FilePickAndSend>
      </Card>
      {check.isError && <ErrorAlert error={check.error} title="Không kiểm tra được tệp" />}
      {check.data && <SignatureVerdicts v={check.data} />}
    </Stack>
  );
}
