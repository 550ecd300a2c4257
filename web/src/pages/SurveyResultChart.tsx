import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';

/** One question's answers as bars (loaded on demand: charts stay out of the main bundle). */
export default function SurveyResultChart({ data }: { data: { label: string; count: number }[] }) {
  return (
    <BarChart
      h={Math.max(140, data.length * 36)}
      data={data}
      dataKey="label"
      orientation="vertical"
      yAxisProps={{ width: 110 }}
      series={[{ name: 'count', label: 'Số trả lời', color: 'blue.6' }]}
      withTooltip
      gridAxis="none"
      data-testid="survey-chart"
    />
  );
}
