import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconExternalLink, IconPaperclip, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyText, ErrorAlert, notifyError, notifySuccess, PageLoader } from '../components/common.js';
import { formatBytes, formatDateTime } from '../lib/format.js';
import { permissions, useCurrentUser, useUnitScope } from '../session.js';
import { surveyApi } from '../api/surveys.js';
import type { Post, PostInput } from '../api/surveys.js';

/** The unit's CCHC news column: plain text posts, published on its public transparency page. */
export function PostsPage() {
  const me = useCurrentUser();
  const { unitId, unit, isOwnUnit } = useUnitScope();
  const canWrite = isOwnUnit && permissions(me).handleDossiers;
  const code = unit?.code ?? (isOwnUnit ? me.unit.code : null);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['posts', unitId], queryFn: () => surveyApi.posts(unitId) });
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['posts'] });
  const remove = useMutation({
    mutationFn: (id: number) => surveyApi.removePost(id),
    onSuccess: () => {
      refresh();
      notifySuccess('Đã bỏ bài viết (vẫn được lưu trong nhật ký).');
    },
    onError: (e) => notifyError(e),
  });
  const toggle = useMutation({
    mutationFn: (p: Post) =>
      surveyApi.updatePost(p.id, { title: p.title, body: p.body, published: !p.published }),
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });
  const attach = useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => surveyApi.attach(id, file),
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });
  const detach = useMutation({
    mutationFn: ({ id, fileId }: { id: number; fileId: number }) => surveyApi.detach(id, fileId),
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });

  return (
    <Stack gap="md" data-testid="posts-page">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>Tin cải cách hành chính</Title>
          <Text c="dimmed" size="sm">
            Bài đã đăng hiện trên trang công khai của đơn vị
            {code && (
              <>
                {' '}
                (
                <Anchor
                  href={`/cong-khai/${encodeURIComponent(code)}`}
                  target="_blank"
                  data-testid="public-page-link"
                >
                  /cong-khai/{code} <IconExternalLink size={12} />
                </Anchor>
                )
              </>
            )}
            .
          </Text>
        </div>
        {canWrite && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="post-new"
          >
            Viết tin
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyText>Chưa có bài viết.</EmptyText>
      ) : (
        list.data.map((p) => (
          <Card key={p.id} withBorder radius="md" padding="md" data-testid="post-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} data-testid="post-title" style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.published
                    ? `Đăng lúc ${formatDateTime(p.publishedAt)}`
                    : `Viết lúc ${formatDateTime(p.createdAt)}`}
                </Text>
              </div>
              <Badge color={p.published ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                {p.published ? 'Đã đăng' : 'Bản nháp'}
              </Badge>
            </Group>
            <Text
              size="sm"
              mt="xs"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="post-body"
            >
              {p.body}
            </Text>
            {p.attachments.length > 0 && (
              <Stack gap={2} mt="xs">
                {p.attachments.map((a) => (
                  <Group key={a.id} gap="xs">
                    <Anchor href={a.url} target="_blank" size="sm">
                      {a.filename}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatBytes(a.size)}
                    </Text>
                    {p.actions.edit && (
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Bỏ tệp ${a.filename}`}
                        onClick={() => detach.mutate({ id: p.id, fileId: a.id })}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
            {p.actions.edit && (
              <Group gap="xs" mt="sm">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing(p)}
                >
                  Sửa
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color={p.published ? 'orange' : 'teal'}
                  onClick={() => toggle.mutate(p)}
                  data-testid="post-toggle"
                >
                  {p.published ? 'Gỡ khỏi trang công khai' : 'Đăng'}
                </Button>
                <FileButton
                  onChange={(f) => f && attach.mutate({ id: p.id, file: f })}
                  accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
                >
                  {(props) => (
                    <Button
                      {...props}
                      size="xs"
                      variant="light"
                      leftSection={<IconPaperclip size={14} />}
                      loading={attach.isPending}
                    >
                      Đính kèm ảnh, PDF
                    </Button>
                  )}
                </FileButton>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => {
                    if (window.confirm('Bỏ bài viết này? Bài không còn hiện ở đâu nhưng vẫn được lưu lại.'))
                      remove.mutate(p.id);
                  }}
                >
                  Bỏ
                </Button>
              </Group>
            )}
          </Card>
        ))
      )}
      {editing !== null && (
        <PostEditor
          post={editing === 'new' ? null : editing}
          unitId={unitId}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function PostEditor({ post, unitId, onClose }: { post: Post | null; unitId: number; onClose: () => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<PostInput>({
    title: post?.title ?? '',
    body: post?.body ?? '',
    published: post?.published ?? false,
  });
  const save = useMutation({
    mutationFn: () => (post ? surveyApi.updatePost(post.id, form) : surveyApi.createPost(unitId, form)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['posts'] });
      notifySuccess('Đã lưu bài viết.');
      onClose();
    },
    onError: (e) => notifyError(e),
  });
  return (
    <Modal opened onClose={onClose} title={post ? 'Sửa bài viết' : 'Viết tin CCHC'} size="lg">
      <Stack gap="sm">
        <TextInput
          label="Tiêu đề"
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          required
          maxLength={300}
          data-testid="post-title-input"
        />
        <Textarea
          label="Nội dung"
          description="Văn bản thuần: dòng trống để tách đoạn. Mã HTML sẽ hiện đúng như đã gõ, không được thực thi."
          value={form.body}
          onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
          autosize
          minRows={6}
          maxLength={20000}
          data-testid="post-body-input"
        />
        <Switch
          label="Đăng lên trang công khai"
          checked={form.published}
          onChange={(e) => setForm({ ...form, published: e.currentTarget.checked })}
          data-testid="post-published"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="post-save">
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
