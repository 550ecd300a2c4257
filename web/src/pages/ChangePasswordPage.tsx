import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { ErrorAlert, notifySuccess } from '../components/common.js';
import { ME_KEY, useCurrentUser } from '../session.js';

const MIN_LENGTH = 8;

export function ChangePasswordPage() {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useMutation({
    mutationFn: () => api.changePassword(current, next),
    onSuccess: async () => {
      notifySuccess('Đã đổi mật khẩu.');
      await qc.invalidateQueries({ queryKey: ME_KEY });
      void navigate('/');
    },
  });
  const tooShort = next.length > 0 && next.length < MIN_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!current || next.length < MIN_LENGTH || next !== confirm) return;
    change.mutate();
  };
  return (
    <Stack maw={480}>
      <Title order={2}>Đổi mật khẩu</Title>
      {me.user.mustChangePassword && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          Tài khoản của bạn đang dùng mật khẩu do quản trị cấp. Vui lòng đặt mật khẩu mới trước khi tiếp tục.
        </Alert>
      )}
      <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="Đổi mật khẩu">
        <Stack>
          {change.isError && <ErrorAlert error={change.error} />}
          <PasswordInput
            label="Mật khẩu hiện tại"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={touched && !current ? 'Nhập mật khẩu hiện tại' : undefined}
            required
          />
          <PasswordInput
            label="Mật khẩu mới"
            description={`Ít nhất ${MIN_LENGTH} ký tự`}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={
              tooShort || (touched && next.length < MIN_LENGTH)
                ? `Mật khẩu mới phải có ít nhất ${MIN_LENGTH} ký tự`
                : undefined
            }
            required
          />
          <PasswordInput
            label="Nhập lại mật khẩu mới"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch || (touched && confirm !== next) ? 'Mật khẩu nhập lại không khớp' : undefined}
            required
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            Đổi mật khẩu
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
