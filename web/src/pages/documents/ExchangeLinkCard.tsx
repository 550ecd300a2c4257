import { Card, Title } from '@mantine/core';
import type { ExchangeState } from '../../api/exchange.js';
import { ExchangeConnection } from './ExchangeConnection.js';
import { ExchangeDeliveries } from './ExchangeDeliveries.js';

/** The unit's side: its connection to the superior's server and the packages sent upward. */
export function ExchangeLinkCard({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  return (
    <Card withBorder radius="md" data-testid="exchange-link">
      <Title order={3} size="h4" mb="sm">
        Kết nối với hệ thống cấp trên
      </Title>
      <ExchangeConnection s={s} onChange={onChange} />
      <ExchangeDeliveries s={s} onChange={onChange} />
    </Card>
  );
}
