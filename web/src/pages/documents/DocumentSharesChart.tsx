import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';

/** The register's shares as bars (loaded on demand, like the other charts). */
export default function DocumentSharesChart({ shares }: { shares: { label: string; value: number }[] }) {
  return (
    <BarChart
      h={200}
      data={shares.map((s) => ({ share: s.label, value: s.value }))}
      dataKey="share"
      orientation="vertical"
      yAxisProps={{ width: 170 }}
      xAxisProps={{ domain: [0, 100] }}
      series={[{ name: 'value', label: 'Tỷ lệ', color: 'blue.6' }]}
      unit="%"
      aria-label="Biểu đồ tỷ lệ văn bản điện tử, ký số, qua kênh chính thức"
      data-testid="document-shares-chart"
    />
  );
}
