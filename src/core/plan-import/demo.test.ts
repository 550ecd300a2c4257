// The demo plan shipped with the app (src/demo/plan-demo.md) must import cleanly.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectNotAPlan, parsePlanText } from './index.js';

const plan = parsePlanText(readFileSync(path.resolve(process.cwd(), 'src/demo/plan-demo.md'), 'utf8'));

describe('demo plan 12/KH-THHB', () => {
  it('parses with no warnings', () => {
    expect(plan.warnings).toEqual([]);
    expect(detectNotAPlan(plan)).toBeNull();
  });

  it('has a complete plan', () => {
    expect(plan).toMatchObject({
      number: '12/KH-THHB',
      issuedOn: '2026-01-15',
      year: 2026,
      place: 'Hòa Bình',
      title: 'Kế hoạch thực hiện công tác cải cách hành chính năm 2026',
      unitName: 'Trường Tiểu học Hòa Bình',
      superiorName: 'Ủy ban nhân dân phường Hòa Bình',
    });
    expect(plan.legalBases).toHaveLength(2);
    expect(plan.objectives).toHaveLength(3);
    expect(plan.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(plan.focusItems.length).toBeGreaterThanOrEqual(16);
    expect(plan.reportDueText).toContain('05/3, 05/6, 05/9 và 05/12');
  });

  it('has about 25 tasks over the 8 areas, each with a lead and a deadline', () => {
    expect(plan.tasks).toHaveLength(25);
    expect(new Set(plan.tasks.map((t) => t.areaCode))).toEqual(
      new Set(['1', '2', '3', '4', '5', '6', '7', '8']),
    );
    for (const t of plan.tasks) {
      expect(t.lead).toBeTruthy();
      expect(t.deadlineText).toBeTruthy();
    }
    const deadlines = plan.tasks.map((t) => t.deadlineText);
    expect(deadlines).toContain('Thường xuyên');
    expect(deadlines).toContain('Khi có thay đổi');
    expect(deadlines).toContain('Quý I/2026');
    expect(deadlines).toContain('- Kế hoạch: Tháng 3/2026 - Biên bản: Quý III/2026');
  });

  it('has Phụ lục 2 groups and 10 leaf targets', () => {
    const leaves = plan.appendixTargets.filter((t) => !t.isGroup);
    expect(leaves).toHaveLength(10);
    expect(plan.appendixTargets.filter((t) => t.isGroup).map((t) => t.code)).toEqual(['2', '3', '4']);
    const byCode = new Map(plan.appendixTargets.map((t) => [t.code, t]));
    expect(byCode.get('2.1')?.text).toBe(
      'Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên',
    );
    expect(byCode.get('2.1')?.threshold).toEqual({ kind: 'percent', op: '>=', value: 98 });
    expect(byCode.get('3.1')?.threshold).toEqual({ kind: 'percent', op: '>=', value: 100 });
    expect(byCode.get('1')?.threshold).toEqual({ kind: 'not_lower_than_year', year: 2025 });
  });
});
