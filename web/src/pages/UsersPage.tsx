import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  ActionIcon,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconDots,
  IconKey,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconSearch,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { userChanged } from '../api/changes.js';
import { userApi, userKeys } from '../api/users.js';
import type { Role, User } from '../api/types.js';
import {
  EmptyText,
  ErrorAlert,
  FormActions,
  notifyError,
  notifySuccess,
  PageLoader,
} from '../components/common.js';
import { matchesSearch } from '../lib/format.js';
import { ROLE_LABELS, ROLES } from '../lib/labels.js';
import { permissions, useCurrentUser, useUnits } from '../session.js';

const MIN_PASSWORD = 8;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const me = useCurrentUser();
  const allowed = permissions(me).manageUsers;
  const users = useQuery({ queryKey: userKeys.all, queryFn: userApi.list, enabled: allowed });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [search, setSearch] = useState('');
  const narrow = useMediaQuery('(max-width: 48em)');
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (u: User) => userApi.update(u.id, { active: !u.active }),
    onSuccess: async (u) => {
      notifySuccess(u.active ? `Đã mở khóa tài khoản ${u.username}.` : `Đã khóa tài khoản ${u.username}.`);
      await userChanged(qc);
    },
    onError: (err) => notifyError(err),
  });

  if (!allowed)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ quản trị của đơn vị mới quản lý được người dùng.
      </Alert>
    );

  const list = (users.data ?? []).filter((u) =>
    matchesSearch(search, [u.fullName, u.username, u.unitName, u.email]),
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Người dùng</Title>
          <Text c="dimmed">Tài khoản của đơn vị và các đơn vị trực thuộc</Text>
        </div>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          Thêm người dùng
        </Button>
      </Group>
      <TextInput
        placeholder="Tìm theo tên, tên đăng nhập, đơn vị…"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        aria-label="Tìm người dùng"
        maw={420}
      />
      {users.isPending && <PageLoader />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && list.length === 0 && <EmptyText>Không có người dùng phù hợp.</EmptyText>}
      {list.length > 0 && narrow && (
        <Stack gap="xs" data-testid="user-cards">
          {list.map((u) => (
            <Card key={u.id} withBorder padding="sm" radius="md" data-testid="user-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {u.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.username} · {u.unitName}
                  </Text>
                </div>
                <UserMenu
                  user={u}
                  self={u.id === me.user.id}
                  onDialog={setDialog}
                  onToggle={() => toggle.mutate(u)}
                />
              </Group>
              <Group gap={4} mt={6}>
                <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                  {u.active ? 'Đang hoạt động' : 'Đã khóa'}
                </Badge>
                {u.roles.map((r) => (
                  <Badge key={r} size="sm" variant="outline">
                    {ROLE_LABELS[r]}
                  </Badge>
                ))}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {list.length > 0 && !narrow && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="user-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Họ và tên</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Vai trò</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th w={60} aria-label="Thao tác" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.username}
                      {u.email ? ` · ${u.email}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.unitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((r) => (
                        <Badge key={r} size="sm" variant="light" tt="none">
                          {ROLE_LABELS[r]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'teal' : 'gray'} variant="light" tt="none">
                      {u.active ? 'Đang hoạt động' : 'Đã khóa'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <UserMenu
                      user={u}
                      self={u.id === me.user.id}
                      onDialog={setDialog}
                      onToggle={() => toggle.mutate(u)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function UserMenu({
  user,
  self,
  onDialog,
  onToggle,
}: {
  user: User;
  self: boolean;
  onDialog: (d: Dialog) => void;
  onToggle: () => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Thao tác với ${user.username}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onDialog({ kind: 'edit', user })}>
          Sửa thông tin, vai trò
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onDialog({ kind: 'password', user })}>
          Đặt lại mật khẩu
        </Menu.Item>
        {!self && (
          <Menu.Item
            leftSection={user.active ? <IconLock size={16} /> : <IconLockOpen size={16} />}
            color={user.active ? 'red' : undefined}
            onClick={onToggle}
          >
            {user.active ? 'Khóa tài khoản' : 'Mở khóa tài khoản'}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function RolesField({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <Checkbox.Group
      label="Vai trò"
      value={value}
      onChange={(v) => onChange(v)}
      required
      error={value.length === 0 ? 'Chọn ít nhất một vai trò' : undefined}
    >
      <Stack gap={6} mt={6}>
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const units = useUnits();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(String(me.unit.id));
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['staff']);
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      userApi.create({
        unitId: Number(unitId),
        username: username.trim(),
        fullName: fullName.trim(),
        email: email.trim() || null,
        roles,
        password,
      }),
    onSuccess: async (u) => {
      notifySuccess(`Đã tạo tài khoản ${u.username}.`);
      await userChanged(qc);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!unitId || roles.length === 0 || password.length < MIN_PASSWORD) return;
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Thêm người dùng" size="lg">
      <form onSubmit={submit}>
        <Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <Select
            label="Đơn vị"
            data={(units.data ?? [{ id: me.unit.id, name: me.unit.name, depth: 0 }]).map((u) => ({
              value: String(u.id),
              label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`,
            }))}
            value={unitId}
            onChange={setUnitId}
            searchable
            allowDeselect={false}
            required
          />
          <Group grow wrap="wrap">
            <TextInput
              label="Tên đăng nhập"
              description="Chữ không dấu, số, dấu chấm, gạch"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              minLength={3}
              maxLength={64}
              autoCapitalize="none"
            />
            <TextInput
              label="Họ và tên"
              value={fullName}
              onChange={(e) => setFullName(e.currentTarget.value)}
              required
              minLength={2}
              maxLength={200}
            />
          </Group>
          <TextInput
            label="Thư điện tử"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            maxLength={200}
          />
          <RolesField value={roles} onChange={setRoles} />
          <PasswordInput
            label="Mật khẩu ban đầu"
            description="Ít nhất 8 ký tự. Người dùng sẽ phải đổi mật khẩu khi đăng nhập lần đầu."
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={
              password.length > 0 && password.length < MIN_PASSWORD
                ? 'Mật khẩu phải có ít nhất 8 ký tự'
                : undefined
            }
            required
            autoComplete="new-password"
          />
          <FormActions onCancel={onClose} loading={create.isPending}>
            Tạo tài khoản
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const qc = useQueryClient();
  const me = useCurrentUser();
  const [fullName, setFullName] = useState(user.fullName);
  const [email, setEmail] = useState(user.email ?? '');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const save = useMutation({
    mutationFn: () =>
      userApi.update(user.id, { fullName: fullName.trim(), email: email.trim() || null, roles }),
    onSuccess: async (u) => {
      notifySuccess(`Đã lưu tài khoản ${u.username}.`);
      await userChanged(qc, u.id === me.user.id);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (roles.length === 0) return;
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Sửa tài khoản ${user.username}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <TextInput
            label="Họ và tên"
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            required
            minLength={2}
            maxLength={200}
          />
          <TextInput
            label="Thư điện tử"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            maxLength={200}
          />
          <RolesField value={roles} onChange={setRoles} />
          <FormActions onCancel={onClose} loading={save.isPending}>
            Lưu
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => userApi.update(user.id, { password }),
    onSuccess: (u) => {
      notifySuccess(`Đã đặt lại mật khẩu cho ${u.username}. Người dùng sẽ phải đổi mật khẩu khi đăng nhập.`);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) return;
    reset.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Đặt lại mật khẩu: ${user.fullName}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            Các phiên đăng nhập hiện tại của người dùng sẽ bị đăng xuất.
          </Text>
          {reset.isError && <ErrorAlert error={reset.error} />}
          <PasswordInput
            label="Mật khẩu mới"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={
              password.length > 0 && password.length < MIN_PASSWORD
                ? 'Mật khẩu phải có ít nhất 8 ký tự'
                : undefined
            }
            required
            autoComplete="new-password"
            data-autofocus
          />
          <FormActions onCancel={onClose} loading={reset.isPending}>
            Đặt lại mật khẩu
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
