import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { USER_LIMITS } from '../../../src/shared/users.js';
import { authApi, authKeys } from '../api/auth.js';
import { ErrorAlert, notifySuccess } from '../components/common.js';
import { rules, useServerForm } from '../lib/form.js';
import { useCurrentUser } from '../session.js';

const MIN_LENGTH = USER_LIMITS.passwordMin;
interface PasswordForm extends Record<string, unknown> {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const TOO_SHORT = `Mật khẩu mới phải có ít nhất ${MIN_LENGTH} ký tự`;

export function ChangePasswordPage() {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, onServerError, onSubmit } = useServerForm<PasswordForm>(
    {
      initialValues: { currentPassword: '', newPassword: '', confirm: '' },
      validateInputOnChange: ['newPassword', 'confirm'],
      validate: {
        currentPassword: rules.required('Nhập mật khẩu hiện tại'),
        newPassword: rules.all(rules.required(TOO_SHORT), rules.minLength(MIN_LENGTH, TOO_SHORT)),
        confirm: (value, values) =>
          value !== values.newPassword ? 'Mật khẩu nhập lại không khớp' : null,
      },
    },
    // The server's refusals, each on the field it is about.
    { WRONG_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword', SAME_PASSWORD: 'newPassword' },
  );
  const change = useMutation({
    mutationFn: (v: PasswordForm) =>
      authApi.changePassword(v.currentPassword, v.newPassword),
    onError: onServerError,
    onSuccess: async () => {
      notifySuccess('Đã đổi mật khẩu.');
      await qc.invalidateQueries({ queryKey: authKeys.me });
      void navigate('/');
    },
  });
  return (
    <Stack maw={480}>
      <Title order={2}>Đổi mật khẩu</Title>
      {me.user.mustChangePassword && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          Tài khoản của bạn đang dùng mật khẩu do quản trị cấp. Vui lòng đặt mật khẩu mới trước khi tiếp tục.
        </Alert>
      )}
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={onSubmit((v) => change.mutate(v))}
        aria-label="Đổi mật khẩu"
      >
        <Stack>
          {formError !== null && <ErrorAlert error={formError} />}
          <PasswordInput
            label="Mật khẩu hiện tại"
            autoComplete="current-password"
            maxLength={USER_LIMITS.password}
            {...form.getInputProps('currentPassword')}
            required
          />
          <PasswordInput
            label="Mật khẩu mới"
            description={`Ít nhất ${MIN_LENGTH} ký tự`}
            autoComplete="new-password"
            maxLength={USER_LIMITS.password}
            {...form.getInputProps('newPassword')}
            required
          />
          <PasswordInput
            label="Nhập lại mật khẩu mới"
            autoComplete="new-password"
            maxLength={USER_LIMITS.password}
            {...form.getInputProps('confirm')}
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
