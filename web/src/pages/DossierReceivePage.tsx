import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconFileCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.js';
import type { DocumentKind, DossierChannel, ReceiveInput } from '../api/types.js';
import { ErrorAlert, notifySuccess, PageLoader } from '../components/common.js';
import { DossierBreadcrumbs, MomentInput, momentIso, useDossierScope } from '../components/dossier.js';
import { formatDateTime } from '../lib/format.js';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_CHANNELS,
  ONLINE_LEVEL_LABELS,
} from '../lib/labels.js';
import { vietnamToday } from '../lib/period.js';

interface DocRow {
  key: number;
  name: string;
  copies: number | string;
  kind: DocumentKind;
}

let nextKey = 1;
const newRow = (): DocRow => ({ key: nextKey++, name: '', copies: 1, kind: 'original' });

export function DossierReceivePage() {
  const scope = useDossierScope();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const procedures = useQuery({
    queryKey: ['procedures', scope.unitId],
    queryFn: () => api.procedures(scope.unitId),
  });
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [channel, setChannel] = useState<DossierChannel>('direct');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [request, setRequest] = useState('');
  const [docs, setDocs] = useState<DocRow[]>(() => [newRow()]);
  const [earlier, setEarlier] = useState(false);
  const [receivedDate, setReceivedDate] = useState<string | null>(vietnamToday());
  const [receivedTime, setReceivedTime] = useState('08:00');

  const active = (procedures.data ?? []).filter((p) => p.active);
  const procedure = active.find((p) => String(p.id) === procedureId);
  const receivedAt = earlier ? momentIso(receivedDate, receivedTime) : null;

  const receive = useMutation({
    mutationFn: () => {
      if (!procedure) throw new Error('Hãy chọn thủ tục.');
      if (earlier && !receivedAt) throw new Error('Hãy nhập ngày và giờ tiếp nhận.');
      const input: ReceiveInput = {
        unitId: scope.unitId,
        procedureId: procedure.id,
        channel,
        applicant: {
          name: name.trim(),
          idNumber: idNumber.trim() || null,
          address: address.trim() || null,
          phone: phone.trim() || null,
          email: email.trim() || null,
        },
        request: request.trim() || null,
        documents: docs
          .filter((d) => d.name.trim())
          .map((d) => ({
            name: d.name.trim(),
            copies: typeof d.copies === 'number' && d.copies >= 1 ? d.copies : 1,
            kind: d.kind,
          })),
        ...(receivedAt ? { receivedAt } : {}),
      };
      return api.receiveDossier(input);
    },
    onSuccess: async (d) => {
      notifySuccess(`Đã tiếp nhận hồ sơ ${d.code}, hẹn trả ${formatDateTime(d.appointmentAt)}.`);
      qc.setQueryData(['dossier', d.id], d);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['dossiers'] }),
        qc.invalidateQueries({ queryKey: ['dossiers-due'] }),
        qc.invalidateQueries({ queryKey: ['dossier-figures'] }),
      ]);
      void navigate(`/ho-so/${d.id}`, { state: { received: true } });
    },
  });

  if (!scope.canHandle)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách hoặc quản trị của đơn vị mới tiếp nhận hồ sơ của đơn vị mình.
      </Alert>
    );
  if (procedures.isPending) return <PageLoader />;
  if (procedures.isError) return <ErrorAlert error={procedures.error} />;

  const setDoc = (key: number, patch: Partial<DocRow>) =>
    setDocs((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const filledDocs = docs.filter((d) => d.name.trim()).length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    receive.mutate();
  };

  return (
    <Stack gap="lg" data-testid="receive-page">
      <DossierBreadcrumbs current="Tiếp nhận hồ sơ" />
      <div>
        <Title order={2}>Tiếp nhận hồ sơ</Title>
        <Text c="dimmed">
          Ghi hồ sơ vào sổ, cấp mã và ngày hẹn trả theo ngày làm việc; sau đó in Giấy tiếp nhận và hẹn trả kết
          quả (Mẫu 01).
        </Text>
      </div>
      {active.length === 0 ? (
        <Alert color="blue" variant="light" title="Danh mục thủ tục còn trống">
          Hãy thêm thủ tục hành chính của đơn vị (tên, thời hạn giải quyết) trước khi tiếp nhận hồ sơ.{' '}
          <Anchor component={Link} to="/ho-so/thu-tuc">
            Mở danh mục thủ tục
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Title order={3} size="h4" mb="sm">
                Thủ tục và kênh tiếp nhận
              </Title>
              <Stack gap="sm">
                <Select
                  label="Thủ tục hành chính"
                  placeholder="Chọn thủ tục"
                  data={active.map((p) => ({ value: String(p.id), label: `${p.code} – ${p.name}` }))}
                  value={procedureId}
                  onChange={setProcedureId}
                  searchable
                  nothingFoundMessage="Không có thủ tục phù hợp"
                  required
                  comboboxProps={{ withinPortal: true }}
                  data-testid="receive-procedure"
                />
                {procedure && (
                  <Paper withBorder p="xs" radius="md" bg="blue.0" data-testid="receive-procedure-info">
                    <Text size="sm">
                      Thời hạn giải quyết: <b data-testid="receive-limit">{procedure.limitText}</b>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {procedure.feeText
                        ? `Phí, lệ phí: ${procedure.feeText}`
                        : procedure.feeBearing
                          ? 'Có phí, lệ phí'
                          : 'Không thu phí, lệ phí'}
                      {' · '}
                      {ONLINE_LEVEL_LABELS[procedure.onlineLevel]}
                      {procedure.field ? ` · Lĩnh vực: ${procedure.field}` : ''}
                    </Text>
                  </Paper>
                )}
                <Radio.Group label="Kênh tiếp nhận" value={channel} onChange={(v) => setChannel(v)} required>
                  <Group gap="md" mt={6}>
                    {DOSSIER_CHANNELS.map((c) => (
                      <Radio
                        key={c}
                        value={c}
                        label={DOSSIER_CHANNEL_LABELS[c]}
                        data-testid={`receive-channel-${c}`}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Stack>
            </Card>

            <Card withBorder radius="md" padding="md">
              <Title order={3} size="h4" mb="sm">
                Người nộp hồ sơ
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label="Họ và tên (tổ chức)"
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  required
                  minLength={2}
                  maxLength={300}
                  autoComplete="off"
                  data-testid="receive-name"
                />
                <TextInput
                  label="Số định danh cá nhân / mã số tổ chức"
                  value={idNumber}
                  onChange={(e) => setIdNumber(e.currentTarget.value)}
                  maxLength={40}
                  autoComplete="off"
                  inputMode="numeric"
                  data-testid="receive-id-number"
                />
                <TextInput
                  label="Số điện thoại"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  maxLength={20}
                  type="tel"
                  autoComplete="off"
                  data-testid="receive-phone"
                />
                <TextInput
                  label="Thư điện tử"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  maxLength={200}
                  type="email"
                  autoComplete="off"
                  data-testid="receive-email"
                />
              </SimpleGrid>
              <TextInput
                mt="sm"
                label="Địa chỉ"
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
                maxLength={500}
                autoComplete="off"
                data-testid="receive-address"
              />
              <Textarea
                mt="sm"
                label="Nội dung yêu cầu giải quyết"
                description="Để trống: lấy theo tên thủ tục"
                value={request}
                onChange={(e) => setRequest(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                data-testid="receive-request"
              />
            </Card>

            <Card withBorder radius="md" padding="md" data-testid="receive-documents">
              <Title order={3} size="h4" mb={4}>
                Thành phần hồ sơ đã nhận
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                Ghi từng giấy tờ đã nhận (in trên Mẫu 01); cần ít nhất một thành phần.
              </Text>
              <Stack gap="xs">
                {docs.map((d, i) => (
                  <Paper key={d.key} withBorder p="xs" radius="md" data-testid="receive-document-row">
                    <Group gap="xs" align="flex-end" wrap="wrap">
                      <Group gap="xs" align="flex-end" wrap="nowrap" style={{ flex: '1 1 260px' }}>
                        <Text size="sm" fw={600} w={20} pb={8}>
                          {i + 1}.
                        </Text>
                        <TextInput
                          label="Tên giấy tờ"
                          value={d.name}
                          onChange={(e) => setDoc(d.key, { name: e.currentTarget.value })}
                          maxLength={500}
                          style={{ flex: 1 }}
                          data-testid="receive-document-name"
                        />
                      </Group>
                      <Group
                        gap="xs"
                        align="flex-end"
                        wrap="nowrap"
                        style={{ flex: '1 1 300px' }}
                        maw={{ sm: 340 }}
                      >
                        <NumberInput
                          label="Số bản"
                          value={d.copies}
                          onChange={(v) => setDoc(d.key, { copies: v })}
                          min={1}
                          max={100}
                          allowDecimal={false}
                          w={80}
                        />
                        <Select
                          label="Loại"
                          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
                          value={d.kind}
                          onChange={(v) => v && setDoc(d.key, { kind: v })}
                          allowDeselect={false}
                          style={{ flex: 1 }}
                        />
                        <Tooltip label="Bỏ thành phần này">
                          <ActionIcon
                            variant="light"
                            color="red"
                            size="lg"
                            mb={1}
                            onClick={() => setDocs((list) => list.filter((x) => x.key !== d.key))}
                            disabled={docs.length === 1}
                            aria-label={`Bỏ thành phần ${i + 1}`}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Group>
                  </Paper>
                ))}
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    onClick={() => setDocs((list) => [...list, newRow()])}
                    disabled={docs.length >= 100}
                    data-testid="receive-add-document"
                  >
                    Thêm thành phần
                  </Button>
                </Group>
              </Stack>
            </Card>

            <Card withBorder radius="md" padding="md">
              <Checkbox
                label="Hồ sơ đã tiếp nhận trước đây (ghi bổ sung vào sổ)"
                checked={earlier}
                onChange={(e) => setEarlier(e.currentTarget.checked)}
                data-testid="receive-earlier"
              />
              {earlier && (
                <Stack mt="sm" gap={4}>
                  <MomentInput
                    label="Ngày tiếp nhận"
                    date={receivedDate}
                    time={receivedTime}
                    onDate={setReceivedDate}
                    onTime={setReceivedTime}
                    maxDate={vietnamToday()}
                    required
                    testId="receive-at"
                  />
                  <Text size="xs" c="dimmed">
                    Ngày hẹn trả được tính từ thời điểm này; hồ sơ đã quá hẹn sẽ được ghi là quá hạn.
                  </Text>
                </Stack>
              )}
            </Card>

            {receive.isError && <ErrorAlert error={receive.error} title="Chưa tiếp nhận được hồ sơ" />}
            <Group justify="flex-end">
              <Button component={Link} to="/ho-so" variant="default">
                Hủy
              </Button>
              <Button
                type="submit"
                loading={receive.isPending}
                disabled={!procedure || name.trim().length < 2 || filledDocs === 0}
                leftSection={<IconFileCheck size={16} />}
                data-testid="receive-submit"
              >
                Tiếp nhận hồ sơ
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
