import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconChevronLeft, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert, notifyError, notifySuccess, PageLoader } from '../components/common.js';
import { Field } from '../components/dossier.js';
import {
  DueBadge,
  FEEDBACK_CATEGORIES,
  FeedbackStatusBadge,
  PlainText,
  feedbackApi,
} from '../components/feedback.js';
import type { ActionBody, FeedbackDetail } from '../components/feedback.js';
import { formatBytes, formatDateTime } from '../lib/format.js';

export function FeedbackDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['feedback-item', id], queryFn: () => feedbackApi.detail(id) });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} title="Không mở được phản ánh" />;
  const d = q.data;
  return (
    <Stack gap="lg" data-testid="feedback-detail">
      <Anchor component={Link} to="/pakn" size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} /> Sổ phản ánh, kiến nghị
        </Group>
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} data-testid="feedback-code">
            {d.code}
          </Title>
          <Text c="dimmed">{d.unitName}</Text>
        </div>
        <Group gap="xs">
          <FeedbackStatusBadge item={d} />
          <DueBadge item={d} />
        </Group>
      </Group>

      <Card withBorder>
        <Stack gap="sm">
          <Title order={4} data-testid="feedback-title">
            {d.title}
          </Title>
          <PlainText testId="feedback-content">{d.content}</PlainText>
          {d.attachments.length > 0 && (
            <Group gap="xs">
              {d.attachments.map((a) => (
                <Anchor key={a.id} href={`/api/feedback/${d.id}/attachments/${a.id}`} size="sm">
                  <Group gap={4}>
                    <IconPaperclip size={14} /> {a.filename} ({formatBytes(a.size)})
                  </Group>
                </Anchor>
              ))}
            </Group>
          )}
        </Stack>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Người gửi</Text>
            <Field label="Họ và tên">{d.sender.name}</Field>
            {d.sender.full ? (
              <>
                <Field label="Địa chỉ">{d.sender.address}</Field>
                <Field label="Số điện thoại">{d.sender.phone}</Field>
                {d.sender.email && <Field label="Thư điện tử">{d.sender.email}</Field>}
                {d.sender.idNumber && <Field label="Số định danh">{d.sender.idNumber}</Field>}
              </>
            ) : (
              <Text size="xs" c="dimmed">
                Thông tin liên hệ chỉ hiển thị cho cán bộ xử lý phản ánh của đơn vị.
              </Text>
            )}
            <Field label="Nguồn">
              {d.sourceLabel}
              {d.externalCode ? ` · ${d.externalCode}` : ''}
            </Field>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Thời hạn (ngày làm việc)</Text>
            <Field label="Tiếp nhận">{formatDateTime(d.receivedAt)}</Field>
            <Field label="Phân loại, trả lời không thụ lý">{formatDateTime(d.deadlines.classify)}</Field>
            <Field label="Chuyển cơ quan có thẩm quyền">{formatDateTime(d.deadlines.forward)}</Field>
            <Field label="Trả lời (thủ trưởng duyệt)">{formatDateTime(d.deadlines.answer)}</Field>
            {d.deadlines.publish && <Field label="Công khai">{formatDateTime(d.deadlines.publish)}</Field>}
            {d.categoryLabel && <Field label="Phân loại">{d.categoryLabel}</Field>}
            {d.forwardedTo && <Field label="Đã chuyển đến">{d.forwardedTo}</Field>}
            {d.assigneeName && <Field label="Người xử lý">{d.assigneeName}</Field>}
            {d.answeredOnTime !== null && (
              <Field label="Trả lời">
                <Badge color={d.answeredOnTime ? 'green' : 'red'} variant="light">
                  {d.answeredOnTime ? 'Đúng hạn' : 'Trễ hạn'}
                </Badge>
              </Field>
            )}
          </Stack>
        </Card>
      </SimpleGrid>

      {d.answerText && (
        <Card withBorder>
          <Text fw={600}>
            {d.approvedAt ? `Trả lời (đã duyệt ${formatDateTime(d.approvedAt)})` : 'Dự thảo trả lời'}
          </Text>
          <PlainText testId="feedback-answer">{d.answerText}</PlainText>
        </Card>
      )}
      {d.published.at && (
        <Card withBorder>
          <Text fw={600}>
            {d.status === 'published'
              ? `Đã công khai ${formatDateTime(d.published.at)}`
              : `Đã gỡ công khai ${formatDateTime(d.published.withdrawnAt)}`}
          </Text>
          <Text size="sm" fw={600}>
            {d.published.title}
          </Text>
          <PlainText>{d.published.content}</PlainText>
          <PlainText>{d.published.answer}</PlainText>
        </Card>
      )}

      <Actions d={d} />

      <Card withBorder>
        <Text fw={600} mb="sm">
          Quá trình xử lý
        </Text>
        <Timeline bulletSize={14} lineWidth={2}>
          {d.events.map((e, i) => (
            <Timeline.Item key={i} title={e.label} color={e.late ? 'red' : 'blue'}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {e.actor ? ` · ${e.actor}` : ''}
                {e.late ? ' · trễ hạn' : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
    </Card>
  );
}

function Actions({ d }: { d: FeedbackDetail }) {
  const qc = useQueryClient();
  const [category, setCategory] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [forwardTo, setForwardTo] = useState('');
  const [assignee, setAssignee] = useState<string | null>(d.assigneeId ? String(d.assigneeId) : null);
  const [answer, setAnswer] = useState(d.answerText ?? '');
  const [reason, setReason] = useState('');
  const [pub, setPub] = useState({
    title: d.published.title ?? d.title,
    content: d.published.content ?? d.content,
    answer: d.published.answer ?? d.answerText ?? '',
  });
  const has = (a: FeedbackDetail['actions'][number]) => d.actions.includes(a);
  const members = useQuery({
    queryKey: ['feedback-members', d.unitId],
    queryFn: () => feedbackApi.members(d.unitId),
    enabled: has('assign'),
  });
  const templates = useQuery({
    queryKey: ['feedback-templates', d.unitId],
    queryFn: () => feedbackApi.templates(d.unitId),
    enabled: has('answer'),
  });
  const act = useMutation({
    mutationFn: (body: ActionBody) => feedbackApi.act(d.id, body),
    onSuccess: (next) => {
      qc.setQueryData(['feedback-item', d.id], next);
      void qc.invalidateQueries({ queryKey: ['feedback'] });
      void qc.invalidateQueries({ queryKey: ['feedback-due'] });
      notifySuccess(`Đã cập nhật: ${next.statusLabel}.`);
      setReason('');
      setNote('');
    },
    onError: (e) => notifyError(e),
  });
  if (d.actions.length === 0) return null;
  return (
    <Stack data-testid="feedback-actions">
      {has('classify') && (
        <Panel title="Phân loại" testId="action-classify">
          <Select
            label="Nội dung phản ánh"
            data={FEEDBACK_CATEGORIES}
            value={category}
            onChange={setCategory}
            data-testid="classify-category"
          />
          <Textarea
            label="Ghi chú (lý do không thụ lý, nếu có)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button
            disabled={!category}
            loading={act.isPending}
            onClick={() => category && act.mutate({ kind: 'classify', category, note })}
            data-testid="classify-submit"
          >
            Phân loại
          </Button>
        </Panel>
      )}
      {has('forward') && (
        <Panel title="Chuyển cơ quan có thẩm quyền (trong 5 ngày làm việc)" testId="action-forward">
          <TextInput
            label="Chuyển đến"
            value={forwardTo}
            onChange={(e) => setForwardTo(e.currentTarget.value)}
          />
          <Button loading={act.isPending} onClick={() => act.mutate({ kind: 'forward', to: forwardTo })}>
            Chuyển
          </Button>
        </Panel>
      )}
      {has('assign') && (
        <Panel title="Phân công xử lý" testId="action-assign">
          <Select
            label="Cán bộ xử lý"
            data={(members.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
            value={assignee}
            onChange={setAssignee}
            searchable
          />
          <Button
            disabled={!assignee}
            loading={act.isPending}
            onClick={() => assignee && act.mutate({ kind: 'assign', assigneeId: Number(assignee) })}
          >
            Phân công
          </Button>
        </Panel>
      )}
      {has('answer') && (
        <Panel title="Soạn trả lời" testId="action-answer">
          {(templates.data?.length ?? 0) > 0 && (
            <Select
              label="Dùng mẫu trả lời"
              data={(templates.data ?? []).map((t) => ({ value: String(t.id), label: t.title }))}
              onChange={(v) => {
                const t = templates.data?.find((x) => String(x.id) === v);
                if (t) setAnswer(t.body);
              }}
            />
          )}
          <Textarea
            label="Nội dung trả lời"
            autosize
            minRows={5}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            data-testid="answer-text"
          />
          <Button
            loading={act.isPending}
            onClick={() => act.mutate({ kind: 'answer', text: answer })}
            data-testid="answer-submit"
          >
            Trình thủ trưởng duyệt
          </Button>
        </Panel>
      )}
      {has('approve') && (
        <Panel title="Duyệt trả lời" testId="action-approve">
          <Group>
            <Button
              color="teal"
              loading={act.isPending}
              onClick={() => act.mutate({ kind: 'approve' })}
              data-testid="approve-submit"
            >
              Duyệt trả lời
            </Button>
          </Group>
          {has('return') && (
            <Group align="flex-end">
              <TextInput
                label="Lý do trả lại"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button
                variant="default"
                disabled={!reason.trim()}
                onClick={() => act.mutate({ kind: 'return', reason })}
              >
                Trả lại để sửa
              </Button>
            </Group>
          )}
        </Panel>
      )}
      {has('publish') && (
        <Panel title="Công khai kết quả trả lời" testId="action-publish">
          <Alert color="orange" variant="light">
            Bản công khai là bản riêng: hãy xóa họ tên, số điện thoại, địa chỉ, thư điện tử và mọi thông tin
            cá nhân trước khi công khai.
          </Alert>
          <TextInput
            label="Tiêu đề công khai"
            value={pub.title}
            onChange={(e) => setPub({ ...pub, title: e.currentTarget.value })}
            data-testid="publish-title"
          />
          <Textarea
            label="Nội dung phản ánh (đã biên tập)"
            autosize
            minRows={3}
            value={pub.content}
            onChange={(e) => setPub({ ...pub, content: e.currentTarget.value })}
            data-testid="publish-content"
          />
          <Textarea
            label="Nội dung trả lời"
            autosize
            minRows={3}
            value={pub.answer}
            onChange={(e) => setPub({ ...pub, answer: e.currentTarget.value })}
            data-testid="publish-answer"
          />
          <Button
            color="green"
            loading={act.isPending}
            onClick={() => act.mutate({ kind: 'publish', ...pub })}
            data-testid="publish-submit"
          >
            Công khai
          </Button>
        </Panel>
      )}
      {has('withdraw') && (
        <Panel title="Gỡ công khai" testId="action-withdraw">
          <Group align="flex-end">
            <TextInput
              label="Lý do"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              color="red"
              variant="light"
              disabled={!reason.trim()}
              onClick={() => act.mutate({ kind: 'withdraw', reason })}
            >
              Gỡ công khai
            </Button>
          </Group>
        </Panel>
      )}
    </Stack>
  );
}
