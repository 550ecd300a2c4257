import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import type { UnitDashboard } from '../api/types.js';

export type TrendKey = 'onTimeRate' | 'onlineShare' | 'onlinePaymentShare' | 'digitisation' | 'satisfaction';

export const TREND_LABELS: Record<TrendKey, string> = {
  onTimeRate: 'Đúng hạn',
  onlineShare: 'Trực tuyến',
  onlinePaymentShare: 'Thanh toán trực tuyến',
  digitisation: 'Số hóa',
  satisfaction: 'Hài lòng',
};

const COLORS: Record<TrendKey, string> = {
  onTimeRate: 'teal.6',
  onlineShare: 'blue.6',
  onlinePaymentShare: 'violet.6',
  digitisation: 'orange.6',
  satisfaction: 'pink.6',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The register's figures per quarter of the plan year (loaded on demand, like the other charts). */
export default function DashboardTrendChart({
  trend,
  keys,
  thresholds,
}: {
  trend: UnitDashboard['trend'];
  keys: TrendKey[];
  thresholds: { key: TrendKey; value: number }[];
}) {
  const data = trend.map((q) => ({
    quarter: `Quý ${ROMAN[q.quarter - 1]}`,
    ...Object.fromEntries(keys.map((k) => [k, q[k]])),
  }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="quarter"
      series={keys.map((k) => ({ name: k, label: TREND_LABELS[k], color: COLORS[k] }))}
      yAxisProps={{ domain: [0, 100], width: 40 }}
      unit="%"
      connectNulls={false}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      referenceLines={thresholds.map((t) => ({
        y: t.value,
        color: COLORS[t.key],
        label: `Chỉ tiêu ${TREND_LABELS[t.key].toLowerCase()} ${t.value}%`,
      }))}
      aria-label="Biểu đồ số liệu hồ sơ theo quý"
      data-testid="dashboard-trend-chart"
    />
  );
}
