import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.js';
import type { PublicDossier } from '../api/types.js';
import { PageLoader } from '../components/common.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { formatDateTime } from '../lib/format.js';
import { DOSSIER_STATUS_COLORS } from '../lib/labels.js';
import type { DossierStatus } from '../api/types.js';

/** What the citizen should do next, by status. */
const NEXT: Partial<Record<DossierStatus, string>> = {
  received: 'Hồ sơ đã được tiếp nhận và đang chờ giải quyết.',
  in_progress: 'Hồ sơ đang được giải quyết.',
  awaiting_supplement:
    'Hồ sơ cần bổ sung, hoàn thiện: vui lòng xem phiếu yêu cầu bổ sung hoặc liên hệ Bộ phận Một cửa.',
  resolved: 'Hồ sơ đã có kết quả: mời ông/bà đến nhận kết quả theo giấy hẹn.',
  returned: 'Kết quả đã được trả.',
  refused: 'Hồ sơ bị từ chối giải quyết: lý do ghi trong phiếu từ chối.',
  withdrawn: 'Hồ sơ đã được rút theo đề nghị của người nộp.',
};

export function PublicLookupPage() {
  const params = useParams();
  const code = params.code?.trim() ?? '';
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = input.trim().toUpperCase();
    if (c) void navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };

  return (
    <PublicLayout title="Tra cứu hồ sơ thủ tục hành chính">
      <Stack gap="lg" data-testid="public-lookup">
        <Card withBorder radius="md" padding="md" component="form" onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label="Mã hồ sơ"
              description="In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
              placeholder="Ví dụ: MNTT-260512-0007"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              size="md"
              autoCapitalize="characters"
              autoComplete="off"
              data-testid="lookup-code"
            />
            <Button
              type="submit"
              size="md"
              leftSection={<IconSearch size={18} />}
              disabled={!input.trim()}
              data-testid="lookup-submit"
            >
              Tra cứu
            </Button>
          </Stack>
        </Card>
        {code && <LookupResult code={code} />}
      </Stack>
    </PublicLayout>
  );
}

function LookupResult({ code }: { code: string }) {
  const q = useQuery({
    queryKey: ['public-dossier', code],
    queryFn: () => api.publicDossier(code),
    retry: false,
    staleTime: 0,
  });
  if (q.isPending) return <PageLoader label="Đang tra cứu…" />;
  if (q.isError) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return (
      <Alert
        color={notFound ? 'orange' : 'red'}
        variant="light"
        icon={<IconAlertCircle size={18} />}
        title={notFound ? 'Không tìm thấy hồ sơ' : 'Không tra cứu được'}
        data-testid="lookup-not-found"
      >
        {notFound
          ? `Không tìm thấy hồ sơ có mã “${code}”. Vui lòng kiểm tra lại mã trên giấy hẹn (gồm cả dấu gạch ngang).`
          : errorMessage(q.error)}
      </Alert>
    );
  }
  return <LookupCard d={q.data} />;
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function LookupCard({ d }: { d: PublicDossier }) {
  const status = d.status as DossierStatus;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="lookup-result">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" data-testid="lookup-result-code">
            {d.code}
          </Title>
          <Badge
            size="xl"
            color={DOSSIER_STATUS_COLORS[status] ?? 'gray'}
            variant="filled"
            data-testid="lookup-status"
            data-status={d.status}
          >
            {d.statusLabel}
          </Badge>
        </Group>
        {NEXT[status] && <Text size="sm">{NEXT[status]}</Text>}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Row label="Người nộp" testId="lookup-applicant">
            {d.applicantName}
          </Row>
          <Row label="Thủ tục">{d.procedureName}</Row>
          <Row label="Cơ quan giải quyết">{d.unitName}</Row>
          <Row label="Ngày tiếp nhận">{formatDateTime(d.receivedAt)}</Row>
          <Row label="Hẹn trả kết quả" testId="lookup-appointment">
            {formatDateTime(d.appointmentAt)}
          </Row>
          {d.apologyAppointmentAt && (
            <Row label="Hẹn lại (theo phiếu xin lỗi)" testId="lookup-apology">
              <Text span c="orange.8" fw={600}>
                {formatDateTime(d.apologyAppointmentAt)}
              </Text>
            </Row>
          )}
          {d.endedAt && <Row label="Kết thúc lúc">{formatDateTime(d.endedAt)}</Row>}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Trang tra cứu chỉ hiện tên viết tắt của người nộp; số định danh, điện thoại, địa chỉ không được công
          khai.
        </Text>
      </Stack>
    </Card>
  );
}
