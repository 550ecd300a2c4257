import { Card, Text, Timeline, Title } from '@mantine/core';
import type { DossierDetail } from '../../api/dossiers.js';
import { formatDateTime } from '../../lib/format.js';
import { eventLines } from './eventLines.js';

export function EventsCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-events">
      <Title order={3} size="h4" mb="sm">
        Diễn biến
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={d.events.length - 1}>
        {d.events.map((e, i) => (
          <Timeline.Item key={i} title={e.label} data-testid="dossier-event" data-kind={e.kind}>
            <Text size="xs" c="dimmed">
              {e.actor ?? 'Hệ thống'} · {formatDateTime(e.at)}
            </Text>
            {eventLines(e).map((line, j) => (
              <Text key={j} size="sm">
                {line}
              </Text>
            ))}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
