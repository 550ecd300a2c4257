import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconChartPie, IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dossierApi, dossierKeys } from '../../api/dossiers.js';
import { ErrorAlert, PageLoader } from '../../components/common.js';
import { SubtreeSwitch, useDossierScope } from '../../components/dossier.js';
import { DueSoonList } from './DueSoonList.js';
import { Register } from './Register.js';

/** `/ho-so`: the register of the unit (filters, pages) and the dossiers due soon. */
export function DossiersPage() {
  const scope = useDossierScope();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sap-den-han' ? 'due' : 'register';
  const [subtree, setSubtree] = useState(false);
  const withSubtree = subtree && scope.hasBelow;
  const due = useQuery({
    queryKey: dossierKeys.dueSoon(scope.unitId, withSubtree),
    queryFn: () => dossierApi.dueSoon(scope.unitId, withSubtree),
  });

  return (
    <Stack gap="lg" data-testid="dossiers-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Hồ sơ thủ tục hành chính</Title>
          <Text c="dimmed">Sổ theo dõi hồ sơ của {scope.unitName}</Text>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to="/ho-so/so-lieu"
            variant="default"
            leftSection={<IconChartPie size={16} />}
          >
            Số liệu
          </Button>
          {scope.canHandle && (
            <Button
              component={Link}
              to="/ho-so/tiep-nhan"
              leftSection={<IconFilePlus size={16} />}
              data-testid="dossier-receive-link"
            >
              Tiếp nhận hồ sơ
            </Button>
          )}
        </Group>
      </Group>
      {scope.hasBelow && <SubtreeSwitch checked={subtree} onChange={setSubtree} />}

      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'due' ? { tab: 'sap-den-han' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="register" data-testid="tab-register">
            Sổ theo dõi
          </Tabs.Tab>
          <Tabs.Tab
            value="due"
            data-testid="tab-due"
            rightSection={
              due.data && due.data.length > 0 ? (
                <Badge size="sm" color="orange" variant="filled" circle={due.data.length < 10}>
                  {due.data.length}
                </Badge>
              ) : null
            }
          >
            Sắp đến hạn
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Register
            unitId={scope.unitId}
            subtree={withSubtree}
            dueIds={new Set((due.data ?? []).filter((d) => d.atRisk && !d.late).map((d) => d.id))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="due" pt="md">
          {due.isPending ? (
            <PageLoader />
          ) : due.isError ? (
            <ErrorAlert error={due.error} />
          ) : (
            <DueSoonList items={due.data} subtree={withSubtree} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
