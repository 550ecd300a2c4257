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
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client.js';
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
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.login(username.trim(), password),
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    login.mutate();
  };

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
            {login.isError && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertCircle size={18} />}
                role="alert"
                data-testid="login-error"
              >
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label="Tên đăng nhập"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              autoFocus
              data-testid="login-username"
            />
            <PasswordInput
              label="Mật khẩu"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
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
