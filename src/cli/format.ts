import type { PreviewResult } from '../modules/plans/schema.js';

/** The import summary as the terminal shows it: the same facts as the web preview. */
export function formatPreview(p: PreviewResult): string {
  const d = p.draft;
  const s = p.summary;
  const lines = [
    `Kế hoạch: ${d.number ?? '(không rõ số)'} ngày ${d.issuedOn ?? '(không rõ ngày)'} — ${d.title ?? '(không rõ tiêu đề)'}`,
    `Đơn vị: ${d.unitName ?? '(không rõ)'}; năm ${d.year ?? '(không rõ)'}`,
    `Lĩnh vực: ${s.areas.length}; chỉ tiêu mục II: ${s.sectionTargets}; nhiệm vụ Phụ lục 1: ${s.tasks}; chỉ tiêu Phụ lục 2: ${s.appendixLeafTargets} (trong ${s.appendixTargets} dòng)`,
    '',
    'Lĩnh vực                                                        Nhiệm vụ',
    ...s.areas.map((a) => `  ${a.code}. ${a.title.slice(0, 58).padEnd(60)} ${String(a.tasks).padStart(4)}`),
  ];
  if (d.warnings.length > 0) {
    lines.push('', `Cảnh báo (${d.warnings.length}):`);
    for (const w of d.warnings) lines.push(`  - ${w.where}: ${w.message}`);
  }
  if (p.existing)
    lines.push(
      '',
      `Đơn vị đã có kế hoạch năm này: ${p.existing.number ?? p.existing.title} (phiên bản ${p.existing.version}).`,
    );
  return lines.join('\n');
}
