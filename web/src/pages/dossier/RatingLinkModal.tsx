import { Alert, Box, Button, Center, Group, Image, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconMoodHappy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { notifyError } from '../../components/common.js';
import { copyText } from '../../lib/clipboard.js';

/**
 * The citizen's rating link, shown once when the result is returned: a QR code to scan at the desk,
 * and the address to copy into a message.
 */
export function RatingLinkModal({ url, onClose }: { url: string; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    // The QR encoder loads only here (it is not needed anywhere else).
    import('qrcode')
      .then((m) => m.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  const copy = async () => {
    const ok = await copyText(url, input.current);
    setCopied(ok);
    if (!ok) notifyError(new Error('Không sao chép tự động được: hãy chọn liên kết và sao chép (Ctrl+C).'));
  };
  return (
    <Modal opened onClose={onClose} title="Mời người dân đánh giá" size="md" centered>
      <Stack data-testid="rating-link">
        <Text size="sm">
          Đã trả kết quả. Mời người nộp quét mã hoặc mở liên kết dưới đây để đánh giá mức độ hài lòng (một
          lần).
        </Text>
        <Center>
          <Box
            p="sm"
            bg="white"
            style={{
              border: '3px solid var(--mantine-color-blue-6)',
              borderRadius: 'var(--mantine-radius-md)',
            }}
          >
            {qr ? (
              <Image src={qr} alt="Mã QR của liên kết đánh giá" w={200} h={200} data-testid="rating-qr" />
            ) : (
              <Center w={200} h={200}>
                <IconMoodHappy size={64} color="var(--mantine-color-blue-6)" />
              </Center>
            )}
          </Box>
        </Center>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            ref={input}
            value={url}
            readOnly
            aria-label="Liên kết đánh giá"
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            styles={{ input: { fontWeight: 600 } }}
            data-testid="rating-url"
          />
          <Button
            onClick={() => void copy()}
            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            color={copied ? 'teal' : undefined}
            style={{ flexShrink: 0 }}
            data-testid="rating-copy"
          >
            {copied ? 'Đã chép' : 'Sao chép'}
          </Button>
        </Group>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
          Liên kết chỉ hiện lúc cấp: hãy giao cho người nộp ngay (in, nhắn tin hoặc cho quét mã). Nếu người
          nộp làm mất, bấm "Cấp lại liên kết" trên trang hồ sơ: liên kết cũ sẽ hết hiệu lực.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Đóng
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
