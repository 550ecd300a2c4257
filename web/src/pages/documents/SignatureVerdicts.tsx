import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import type { PdfVerification, SignatureVerdict } from '../../api/documents.js';
import { formatDateTime } from '../../lib/format.js';

/** Verdict colours, worst first (ADR 011's order). */
export const VERDICT_COLORS: Record<string, MantineColor> = {
  invalid: 'red',
  modified: 'red',
  certificate_invalid: 'orange',
  untrusted: 'orange',
  chain_not_verified: 'yellow',
  valid: 'teal',
  unsigned: 'gray',
};

const TIME_SOURCE: Record<string, string> = {
  timestamp: 'theo dấu thời gian',
  signed_attribute: 'ghi trong chữ ký',
  pdf_dictionary: 'ghi trong tệp PDF, không được ký',
};

const CHAIN: Record<SignatureVerdict['checks']['chain'], { label: string; color: MantineColor }> = {
  trusted: { label: 'thuộc chứng thư gốc tin cậy', color: 'teal' },
  not_verified: { label: 'chưa xác minh chuỗi', color: 'yellow' },
  untrusted: { label: 'không thuộc chứng thư gốc tin cậy', color: 'orange' },
};

function Check({
  label,
  ok,
  okText,
  badText,
}: {
  label: string;
  ok: boolean | null;
  okText: string;
  badText: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={ok === null ? 'dimmed' : ok ? 'teal.8' : 'red.8'}>
        {ok === null ? 'không kiểm tra được' : ok ? okText : badText}
      </Text>
    </Stack>
  );
}

function SignatureCard({ s }: { s: SignatureVerdict }) {
  const intact = s.checks.byteRange && !s.checks.modifiedAfter && s.checks.digestMatches !== false;
  const chain = CHAIN[s.checks.chain];
  return (
    <Card withBorder radius="md" padding="sm" data-testid="signature" data-status={s.status}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={700}>
          Chữ ký {s.index + 1}: {s.signer?.commonName ?? 'không đọc được người ký'}
        </Text>
        <Badge color={VERDICT_COLORS[s.status] ?? 'gray'} variant="light" data-testid="signature-status">
          {s.statusLabel}
        </Badge>
      </Group>
      <Text size="sm" mb="xs">
        {s.message}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Người ký
          </Text>
          <Text size="sm" data-testid="signature-signer">
            {s.signer?.commonName ?? '—'}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Cơ quan, tổ chức
          </Text>
          <Text size="sm" data-testid="signature-organization">
            {[s.signer?.organizationalUnit, s.signer?.organization].filter(Boolean).join(', ') || '—'}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Thời điểm ký
          </Text>
          <Text size="sm" data-testid="signature-time">
            {s.signingTime ? formatDateTime(s.signingTime) : '—'}
            {s.signingTimeSource ? ` (${TIME_SOURCE[s.signingTimeSource]})` : ''}
          </Text>
        </Stack>
        <Check label="Nội dung" ok={intact} okText="toàn vẹn" badText="bị sửa sau khi ký" />
        <Check
          label="Chứng thư số tại thời điểm ký"
          ok={s.checks.certificateValidAtSigning}
          okText="còn hiệu lực"
          badText="hết hiệu lực hoặc chưa có hiệu lực"
        />
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Chuỗi chứng thư
          </Text>
          <Text size="sm" fw={600} c={`${chain.color}.8`} data-testid="signature-chain">
            {chain.label}
          </Text>
        </Stack>
      </SimpleGrid>
      {s.signer && (
        <Text size="xs" c="dimmed" mt="xs">
          Tổ chức cấp: {s.signer.issuer} · hiệu lực {formatDateTime(s.signer.notBefore)} –{' '}
          {formatDateTime(s.signer.notAfter)}
          {s.reason ? ` · Lý do ký: ${s.reason}` : ''}
          {s.location ? ` · Nơi ký: ${s.location}` : ''}
        </Text>
      )}
      {s.problems.length > 0 && (
        <List size="xs" mt="xs" c="red.8">
          {s.problems.map((p, i) => (
            <List.Item key={i}>{p}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** A PDF's signature verdicts: the document's (its worst signature's), then each signature. */
export function SignatureVerdicts({ v }: { v: PdfVerification }) {
  return (
    <Stack gap="sm" data-testid="verification">
      <Group gap="sm">
        <Text fw={600}>Kết quả kiểm tra chữ ký số:</Text>
        <Badge color={VERDICT_COLORS[v.status] ?? 'gray'} size="lg" data-testid="verification-status">
          {v.statusLabel}
        </Badge>
        <Text size="xs" c="dimmed">
          kiểm tra lúc {formatDateTime(v.checkedAt)}
        </Text>
      </Group>
      {v.trustedRoots === 0 && v.signatures.length > 0 && (
        <Alert color="yellow" variant="light" data-testid="no-roots">
          Hệ thống chưa có chứng thư gốc tin cậy nào: chữ ký đúng được báo &quot;chưa xác minh chuỗi&quot; cho
          đến khi quản trị viên nhập chứng thư gốc của tổ chức cung cấp dịch vụ chứng thực chữ ký số.
        </Alert>
      )}
      {v.rootsChangedSince && (
        <Alert color="blue" variant="light" data-testid="roots-changed">
          Danh sách chứng thư gốc tin cậy đã thay đổi sau lần kiểm tra này: cần kiểm tra lại.
        </Alert>
      )}
      {v.signatures.length === 0 && <Text c="dimmed">Tệp không có chữ ký số.</Text>}
      {v.signatures.map((s) => (
        <SignatureCard key={s.index} s={s} />
      ))}
    </Stack>
  );
}
