import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useMediaQuery } from '@mantine/hooks';
import type { Dashboard } from '../api/types.js';
import { STATUSES, STATUS_COLORS, STATUS_LABELS } from '../lib/labels.js';

/** Tasks by status per area, stacked (loaded on demand: charts stay out of the main bundle). */
export default function AreaStatusChart({ areas }: { areas: Dashboard['areas'] }) {
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const data = areas.map((a) => ({
    area: narrow ? `LV ${a.code}` : `${a.code}. ${shorten(a.title, 34)}`,
    ...Object.fromEntries(STATUSES.map((s) => [s, a.counts[s]])),
  }));
  return (
    <BarChart
      h={Math.max(220, areas.length * (narrow ? 36 : 44) + 60)}
      data={data}
      dataKey="area"
      type="stacked"
      orientation="vertical"
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 50 }}
      yAxisProps={{ width: narrow ? 48 : 240 }}
      gridAxis="x"
      series={STATUSES.map((s) => ({ name: s, label: STATUS_LABELS[s], color: `${STATUS_COLORS[s]}.6` }))}
      aria-label="Biểu đồ nhiệm vụ theo trạng thái của từng lĩnh vực"
      data-testid="dashboard-chart"
    />
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
