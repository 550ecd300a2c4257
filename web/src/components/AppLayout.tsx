import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import {
  IconArrowsExchange,
  IconBeach,
  IconCertificate,
  IconFileCertificate,
  IconFileText,
  IconGavel,
  IconCalendarEvent,
  IconChartPie,
  IconChecklist,
  IconChevronDown,
  IconDatabaseImport,
  IconFilePlus,
  IconFileImport,
  IconFolders,
  IconHierarchy2,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
  IconListCheck,
  IconReport,
  IconLogout,
  IconMailForward,
  IconMessageReport,
  IconMessageStar,
  IconNews,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { authApi } from '../api/auth.js';
import { permissions, useCurrentUser, useSignedOut, useUnits, useUnitScope } from '../session.js';
import { notifyError } from './common.js';
import { NotificationBell } from './NotificationBell.js';

function UnitSwitcher({ compact = false }: { compact?: boolean }) {
  const me = useCurrentUser();
  const units = useUnits();
  const { unitId, setUnitId } = useUnitScope();
  const data = (units.data ?? [{ id: me.unit.id, name: me.unit.name, depth: 0 }]).map((u) => ({
    value: String(u.id),
    label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}`,
  }));
  return (
    <Select
      aria-label="Đơn vị đang xem"
      data-testid="unit-switcher"
      placeholder="Chọn đơn vị"
      data={data}
      value={String(unitId)}
      onChange={(v) => v && setUnitId(Number(v))}
      allowDeselect={false}
      searchable
      nothingFoundMessage="Không có đơn vị phù hợp"
      w={compact ? '100%' : 300}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  show: boolean;
  exact?: boolean;
  /** Also active on the paths this matches (a dossier page for the register). */
  also?: RegExp;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signedOut = useSignedOut();
  const can = permissions(me);
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSuccess: () => {
      signedOut();
      void navigate('/login', { replace: true });
    },
    onError: (err) => notifyError(err),
  });

  const items: NavItem[] = [
    { to: '/', label: 'Tổng quan', icon: <IconLayoutDashboard size={18} />, show: true, exact: true },
    { to: '/plans', label: 'Kế hoạch', icon: <IconListDetails size={18} />, show: true },
    { to: '/my-tasks', label: 'Việc của tôi', icon: <IconChecklist size={18} />, show: true },
    {
      to: '/lich',
      label: 'Lịch',
      icon: <IconCalendarEvent size={18} />,
      show: true,
      exact: can.manageHolidays,
    },
    {
      to: '/lich/ngay-nghi',
      label: 'Ngày nghỉ, làm bù',
      icon: <IconBeach size={18} />,
      show: can.manageHolidays,
    },
    { to: '/bao-cao', label: 'Báo cáo', icon: <IconReport size={18} />, show: true },
    { to: '/chi-so-cchc', label: 'Chỉ số CCHC', icon: <IconReport size={18} />, show: true },
    { to: '/import', label: 'Nhập kế hoạch', icon: <IconFileImport size={18} />, show: can.importPlan },
    { to: '/surveys', label: 'Khảo sát', icon: <IconMessageStar size={18} />, show: true },
    { to: '/tin-cchc', label: 'Tin CCHC', icon: <IconNews size={18} />, show: true },
    { to: '/units', label: 'Đơn vị', icon: <IconHierarchy2 size={18} />, show: true },
    { to: '/users', label: 'Người dùng', icon: <IconUsers size={18} />, show: can.manageUsers },
    { to: '/hop-thu-di', label: 'Hộp thư đi', icon: <IconMailForward size={18} />, show: can.manageUsers },
    {
      to: '/kiem-tra-so-lieu',
      label: 'Kiểm tra số liệu',
      icon: <IconChecklist size={18} />,
      show: can.manageUsers,
    },
    { to: '/pakn', label: 'Phản ánh, kiến nghị', icon: <IconMessageReport size={18} />, show: true },
  ];
  // The one-stop register: everyone reads it; its own unit's officers receive and import.
  const dossierItems: NavItem[] = [
    {
      to: '/ho-so',
      label: 'Sổ hồ sơ',
      icon: <IconFolders size={18} />,
      show: true,
      exact: true,
      also: /^\/ho-so\/\d+$/,
    },
    {
      to: '/ho-so/tiep-nhan',
      label: 'Tiếp nhận hồ sơ',
      icon: <IconFilePlus size={18} />,
      show: can.handleDossiers,
    },
    { to: '/ho-so/so-lieu', label: 'Số liệu hồ sơ', icon: <IconChartPie size={18} />, show: true },
    { to: '/ho-so/thu-tuc', label: 'Danh mục thủ tục', icon: <IconListCheck size={18} />, show: true },
    {
      to: '/ho-so/nhap-so',
      label: 'Nhập sổ hồ sơ',
      icon: <IconDatabaseImport size={18} />,
      show: can.handleDossiers,
    },
  ];
  // The digital office: everyone reads; the server decides who registers, imports, connects.
  const officeItems: NavItem[] = [
    {
      to: '/van-ban',
      label: 'Sổ văn bản',
      icon: <IconFileText size={18} />,
      show: true,
      exact: true,
      also: /^\/van-ban\/(\d+|nhap-so)$/,
    },
    {
      to: '/van-ban/kiem-tra-pdf',
      label: 'Kiểm tra tệp PDF',
      icon: <IconFileCertificate size={18} />,
      show: true,
    },
    { to: '/quy-che', label: 'Quy chế nội bộ', icon: <IconGavel size={18} />, show: true },
    { to: '/lien-thong', label: 'Liên thông', icon: <IconArrowsExchange size={18} />, show: true },
    {
      to: '/van-ban/chung-thu-goc',
      label: 'Chứng thư gốc tin cậy',
      icon: <IconCertificate size={18} />,
      show: can.manageUsers,
    },
  ];
  const isActive = (it: NavItem) =>
    (it.also?.test(location.pathname) ?? false) ||
    (it.exact
      ? location.pathname === it.to
      : location.pathname === it.to ||
        location.pathname.startsWith(`${it.to}/`) ||
        (it.to === '/plans' && location.pathname.startsWith('/tasks/')));
  const link = (it: NavItem) => (
    <NavLink
      key={it.to}
      component={Link}
      to={it.to}
      label={it.label}
      leftSection={it.icon}
      active={isActive(it)}
      onClick={close}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Đóng menu' : 'Mở menu'}
            />
            <ThemeIcon size="lg" radius="md" variant="filled" visibleFrom="xs" aria-hidden>
              <IconChecklist size={20} />
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" lh={1.2}>
                Cải cách hành chính
              </Text>
              <Text fw={700} truncate="end" lh={1.3} data-testid="header-unit-name">
                {me.unit.name}
              </Text>
            </Stack>
          </Group>
          <Group wrap="nowrap" gap="sm">
            {me.unit.hasChildren && (
              <Group visibleFrom="md">
                <UnitSwitcher />
              </Group>
            )}
            <NotificationBell />
            <Menu position="bottom-end" width={240} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Tài khoản" data-testid="user-menu">
                  <Group gap={6} wrap="nowrap">
                    <Avatar radius="xl" size={32} color="blue">
                      {initials(me.user.fullName)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate="end">
                      {me.user.fullName}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {me.user.fullName} ({me.user.username})
                </Menu.Label>
                <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/password">
                  Đổi mật khẩu
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => logout.mutate()}>
                  Đăng xuất
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Điều hướng chính">
        {me.unit.hasChildren && (
          <Stack gap={4} mb="sm" hiddenFrom="md">
            <Text size="xs" c="dimmed" fw={500}>
              Đơn vị đang xem
            </Text>
            <UnitSwitcher compact />
          </Stack>
        )}
        <AppShell.Section grow component={ScrollArea}>
          {items.filter((it) => it.show).map(link)}
          <Text size="xs" fw={700} c="dimmed" mt="md" mb={4} px="sm" id="nav-dossiers">
            Hồ sơ TTHC
          </Text>
          <div role="group" aria-labelledby="nav-dossiers">
            {dossierItems.filter((it) => it.show).map(link)}
          </div>
          <Text size="xs" fw={700} c="dimmed" mt="md" mb={4} px="sm" id="nav-office">
            Văn phòng số
          </Text>
          <div role="group" aria-labelledby="nav-office">
            {officeItems.filter((it) => it.show).map(link)}
          </div>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  const first = parts.length > 1 ? (parts[0] ?? '') : '';
  return (first.slice(0, 1) + last.slice(0, 1)).toUpperCase() || '?';
}
