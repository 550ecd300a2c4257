import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { exchangeApi, exchangeKeys } from '../../api/exchange.js';
import type { ExchangeState } from '../../api/exchange.js';
import { ErrorAlert, PageLoader } from '../../components/common.js';
import { useUnitScope } from '../../session.js';
import { ExchangeLinkCard } from './ExchangeLinkCard.js';
import { ExchangeSuperiorCard } from './ExchangeSuperiorCard.js';

/**
 * Liên thông (target 10.3): the unit connects to its superior's cchc server and follows the
 * delivery of each report package; a superior issues per-unit tokens and sees what it received.
 */
export function ExchangePage() {
  const scope = useUnitScope();
  const qc = useQueryClient();
  const key = exchangeKeys.state(scope.unitId);
  const state = useQuery({ queryKey: key, queryFn: () => exchangeApi.state(scope.unitId) });
  const onChange = (s: ExchangeState) => qc.setQueryData(key, s);
  if (state.isPending) return <PageLoader />;
  if (state.isError) return <ErrorAlert error={state.error} />;
  const s = state.data;
  return (
    <Stack gap="md">
      <Title order={2}>Liên thông báo cáo với hệ thống cấp trên</Title>
      <Text size="sm" c="dimmed">
        Báo cáo định kỳ đã gửi được đóng gói (số liệu JSON định dạng ReportPackageV1 cùng tệp .docx, .xlsx),
        ký số và gửi sang hệ thống cchc của cấp trên; hệ thống tự gửi lại cho đến khi cấp trên nhận.
      </Text>
      <ExchangeLinkCard s={s} onChange={onChange} />
      {(s.actions.issue || s.connections.length > 0 || s.received.length > 0) && (
        <ExchangeSuperiorCard s={s} onChange={onChange} />
      )}
    </Stack>
  );
}
