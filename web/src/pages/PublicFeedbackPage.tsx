import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  CopyButton,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconCheck, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.js';
import { ErrorAlert, PageLoader } from '../components/common.js';
import { feedbackApi } from '../components/feedback.js';
import type { SubmitResult } from '../components/feedback.js';
import { PublicLayout } from '../components/PublicLayout.js';

/**
 * The citizen's form (Decree 20/2008: name, address and phone are required). Anti-spam without an
 * outside service: a sum signed by the server (answered no sooner than 2 s after it is shown,
 * usable once), a field people never see, and 5 submissions per address per 10 minutes.
 */
export function PublicFeedbackPage() {
  const [params] = useSearchParams();
  const form = useQuery({
    queryKey: ['public-feedback-form'],
    queryFn: feedbackApi.publicForm,
    staleTime: Infinity,
    retry: false,
  });
  const [challenge, setChallenge] = useState<{ token: string; question: string } | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [v, setV] = useState({
    name: '',
    address: '',
    phone: '',
    email: '',
    title: '',
    content: '',
    answer: '',
    website: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const current = challenge ?? form.data?.challenge ?? null;
  const units = form.data?.units ?? [];
  const preset = params.get('donvi');
  const chosenUnit =
    unitId ??
    (preset
      ? (units.find((u) => u.code === preset)?.id.toString() ?? null)
      : units.length === 1
        ? String(units[0]!.id)
        : null);

  const submit = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('unitId', chosenUnit ?? '');
      for (const k of ['name', 'address', 'phone', 'email', 'title', 'content', 'website'] as const)
        fd.append(k, v[k]);
      fd.append('challengeToken', current?.token ?? '');
      fd.append('challengeAnswer', v.answer);
      for (const f of files) fd.append('files', f, f.name);
      return feedbackApi.submit(fd);
    },
    onSuccess: (r) => setDone(r),
    // Each challenge is good once: a new sum after any refusal.
    onError: () => {
      setV((old) => ({ ...old, answer: '' }));
      void feedbackApi.challenge().then(setChallenge, () => undefined);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };

  return (
    <PublicLayout title="Phản ánh, kiến nghị">
      <Stack gap="lg" data-testid="public-feedback">
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to="/phan-anh/cong-khai" size="sm">
            Xem các trả lời đã công khai
          </Anchor>
        </Group>
        {done ? (
          <Card withBorder radius="md" padding="lg" data-testid="feedback-sent">
            <Stack>
              <Alert color="green" icon={<IconCheck size={18} />} title="Đã gửi phản ánh, kiến nghị">
                {done.message}
              </Alert>
              <Text>
                Mã phản ánh: <b data-testid="feedback-sent-code">{done.code}</b>
              </Text>
              <Text size="sm">Đường dẫn theo dõi (chỉ người có đường dẫn này xem được kết quả trả lời):</Text>
              <Anchor
                component={Link}
                to={`/phan-anh/theo-doi/${done.trackingToken}`}
                data-testid="feedback-tracking-link"
                style={{ overflowWrap: 'anywhere' }}
              >
                {done.trackingUrl}
              </Anchor>
              <CopyButton value={done.trackingUrl}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Đã chép đường dẫn' : 'Chép đường dẫn'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Card>
        ) : form.isPending ? (
          <PageLoader />
        ) : form.isError ? (
          <ErrorAlert error={form.error} />
        ) : (
          <Card withBorder radius="md" padding="md" component="form" onSubmit={onSubmit}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                Gửi phản ánh, kiến nghị về quy định hành chính
              </Title>
              <Text size="sm" c="dimmed">
                Theo Nghị định 20/2008/NĐ-CP, phản ánh phải viết bằng tiếng Việt và ghi rõ họ tên, địa chỉ, số
                điện thoại của người gửi. Thông tin cá nhân chỉ cán bộ xử lý của đơn vị được xem và không bao
                giờ được công khai.
              </Text>
              <Select
                label="Gửi đến đơn vị"
                data={units.map((u) => ({ value: String(u.id), label: u.name }))}
                value={chosenUnit}
                onChange={setUnitId}
                searchable
                required
                size="md"
                data-testid="pf-unit"
              />
              <TextInput
                label="Họ và tên"
                required
                size="md"
                value={v.name}
                onChange={set('name')}
                autoComplete="name"
                data-testid="pf-name"
              />
              <TextInput
                label="Địa chỉ"
                required
                size="md"
                value={v.address}
                onChange={set('address')}
                autoComplete="street-address"
                data-testid="pf-address"
              />
              <TextInput
                label="Số điện thoại"
                required
                size="md"
                type="tel"
                value={v.phone}
                onChange={set('phone')}
                autoComplete="tel"
                data-testid="pf-phone"
              />
              <TextInput
                label="Thư điện tử"
                size="md"
                type="email"
                value={v.email}
                onChange={set('email')}
                autoComplete="email"
                data-testid="pf-email"
              />
              <TextInput
                label="Tiêu đề"
                required
                size="md"
                value={v.title}
                onChange={set('title')}
                data-testid="pf-title"
              />
              <Textarea
                label="Nội dung"
                required
                size="md"
                autosize
                minRows={5}
                value={v.content}
                onChange={set('content')}
                data-testid="pf-content"
              />
              <FileInput
                label="Tệp đính kèm (không bắt buộc)"
                description={`Ảnh (JPG, PNG, GIF, WEBP) hoặc PDF, tối đa ${form.data.maxFiles} tệp, mỗi tệp tối đa ${form.data.maxFileMb} MB`}
                multiple
                clearable
                accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
                leftSection={<IconPaperclip size={16} />}
                value={files}
                onChange={setFiles}
                size="md"
              />
              {/* Left empty by people; scripts that fill every field are refused. */}
              <Box
                style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
                aria-hidden
              >
                <label>
                  Trang web
                  <input
                    type="text"
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    value={v.website}
                    onChange={set('website')}
                  />
                </label>
              </Box>
              <TextInput
                label={`Phép tính kiểm tra: ${current?.question ?? ''}`}
                description="Nhập kết quả để xác nhận bạn không phải máy gửi tự động"
                required
                size="md"
                inputMode="numeric"
                value={v.answer}
                onChange={set('answer')}
                data-testid="pf-challenge"
                data-question={current?.question}
              />
              {submit.isError && (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} />}
                  title="Chưa gửi được"
                  data-testid="pf-error"
                >
                  {errorMessage(submit.error)}
                </Alert>
              )}
              <Button
                type="submit"
                size="md"
                leftSection={<IconSend size={18} />}
                loading={submit.isPending}
                data-testid="pf-submit"
              >
                Gửi phản ánh
              </Button>
            </Stack>
          </Card>
        )}
      </Stack>
    </PublicLayout>
  );
}
