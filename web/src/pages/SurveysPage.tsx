import { Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { EmptyText, ErrorAlert, notifyError, PageLoader } from '../components/common.js';
import { formatDate } from '../lib/format.js';
import { permissions, useCurrentUser, useUnitScope } from '../session.js';
import { SURVEY_STATE_COLORS, SURVEY_STATE_LABELS, surveyApi } from '../api/surveys.js';
import type { SurveyTemplate } from '../api/surveys.js';

/** The unit's satisfaction surveys; its own officers start one from a template. */
export function SurveysPage() {
  const me = useCurrentUser();
  const { unitId, isOwnUnit } = useUnitScope();
  const canCreate = isOwnUnit && permissions(me).handleDossiers;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['surveys', unitId], queryFn: () => surveyApi.list(unitId) });
  const templates = useQuery({
    queryKey: ['survey-templates'],
    queryFn: surveyApi.templates,
    enabled: canCreate,
    staleTime: Infinity,
  });
  const create = useMutation({
    mutationFn: (t: SurveyTemplate) =>
      surveyApi.create(unitId, t.id, {
        title: t.title,
        description: t.description,
        questions: t.questions,
        anonymous: true,
        published: false,
        opensOn: null,
        closesOn: null,
      }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      void navigate(`/surveys/${s.id}?tab=questions`);
    },
    onError: (e) => notifyError(e),
  });

  return (
    <Stack gap="md" data-testid="surveys-page">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>Khảo sát sự hài lòng</Title>
          <Text c="dimmed" size="sm">
            Phiếu khảo sát gửi người dân, cha mẹ học sinh qua đường dẫn hoặc mã QR; kết quả tính vào tỷ lệ hài
            lòng được công khai.
          </Text>
        </div>
        {canCreate && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                leftSection={<IconPlus size={16} />}
                rightSection={<IconChevronDown size={14} />}
                loading={create.isPending}
                data-testid="survey-create"
              >
                Tạo khảo sát
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Bắt đầu từ mẫu</Menu.Label>
              {(templates.data ?? []).map((t) => (
                <Menu.Item
                  key={t.id}
                  onClick={() => create.mutate(t)}
                  data-testid={`survey-template-${t.id}`}
                >
                  {t.id === 'blank' ? 'Phiếu trống' : t.title}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyText>Chưa có khảo sát nào.</EmptyText>
      ) : (
        <Card withBorder padding={0} radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Khảo sát</Table.Th>
                  <Table.Th>Tình trạng</Table.Th>
                  <Table.Th>Thời gian</Table.Th>
                  <Table.Th ta="right">Số phiếu</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((s) => (
                  <Table.Tr key={s.id} data-testid="survey-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/surveys/${s.id}`} fw={500}>
                        {s.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={SURVEY_STATE_COLORS[s.state]} variant="light">
                        {SURVEY_STATE_LABELS[s.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {s.opensOn ? formatDate(s.opensOn) : '…'} –{' '}
                        {s.closesOn ? formatDate(s.closesOn) : '…'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{s.responses}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
