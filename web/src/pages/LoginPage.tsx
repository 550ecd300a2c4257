import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconChecklist } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../api/auth.js';
import { errorMessage } from '../api/client.js';
import { USER_LIMITS } from '../../../src/shared/users.js';
import { rules, useServerForm } from '../lib/form.js';
import { PageLoader } from '../components/common.js';
import { ME_KEY, useMe } from '../session.js';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Wrong credentials stay in the alert above both fields (it names neither on purpose).
  const { form, formError, onServerError, onSubmit } = useServerForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: rules.required('Nhập tên đăng nhập'),
      password: rules.required('Nhập mật khẩu'),
    },
  });
  const login = useMutation({
    mutationFn: (v: { username: string; password: string }) => authApi.login(v.username.trim(), v.password),
    onError: onServerError,
    onSuccess: (result) => {
      qc.setQueryData(ME_KEY, result);
      void navigate(result.user.mustChangePassword ? '/password' : safeNext(params.get('next')), {
        replace: true,
      });
    },
  });

  if (me.isPending) return <PageLoader />;
  if (me.data && !login.isPending && !login.isSuccess)
    return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = onSubmit((values) => login.mutate(values));

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Stack align="center" gap="xs" mb="lg">
          <ThemeIcon size={56} radius="xl" aria-hidden>
            <IconChecklist size={32} />
          </ThemeIcon>
          <Title order={1} size="h2" ta="center">
            Kế hoạch cải cách hành chính
          </Title>
          <Text c="dimmed" ta="center" size="sm">
            Theo dõi nhiệm vụ, chỉ tiêu và minh chứng CCHC của đơn vị
          </Text>
        </Stack>
        <Paper
          withBorder
          shadow="sm"
          p="lg"
          radius="md"
          component="form"
          onSubmit={submit}
          aria-label="Đăng nhập"
        >
          <Stack>
            <Title order={2} size="h4">
              Đăng nhập
            </Title>
            {formError !== null && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertCircle size={18} />}
                role="alert"
                data-testid="login-error"
              >
                {errorMessage(formError)}
              </Alert>
            )}
            <TextInput
              label="Tên đăng nhập"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              maxLength={USER_LIMITS.username}
              {...form.getInputProps('username')}
              required
              autoFocus
              data-testid="login-username"
            />
            <PasswordInput
              label="Mật khẩu"
              name="password"
              autoComplete="current-password"
              maxLength={USER_LIMITS.password}
              {...form.getInputProps('password')}
              required
              data-testid="login-password"
            />
            <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
              Đăng nhập
            </Button>
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
