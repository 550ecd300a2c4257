import { DonutChart } from '@mantine/charts';
import '@mantine/charts/styles.css';

export interface ChartSlice {
  label: string;
  color: string;
  value: number;
}

/** The period's handled dossiers by timeliness (loaded on demand: charts stay out of the main bundle). */
export default function DossierTimelinessChart({ slices, total }: { slices: ChartSlice[]; total: number }) {
  return (
    <DonutChart
      data={slices.filter((s) => s.value > 0).map((s) => ({ name: s.label, value: s.value, color: s.color }))}
      size={200}
      thickness={32}
      withTooltip
      tooltipDataSource="segment"
      chartLabel={`${total} hồ sơ`}
      aria-label="Biểu đồ hồ sơ xử lý trong kỳ theo tình trạng thời hạn"
      data-testid="figures-chart"
    />
  );
}
