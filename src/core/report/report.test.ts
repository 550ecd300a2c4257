import { describe, expect, it } from 'vitest';
import {
  areaFigures,
  dueReportState,
  formatPercent,
  occurrenceOutcome,
  parsePeriodKey,
  reportState,
  reportSubject,
  submittedLate,
  targetResult,
  taskResult,
} from './index.js';
import type { TargetInput } from './index.js';

const w = { from: '2025-12-15', to: '2026-03-14', asOf: '2026-03-03' };
const occ = (taskId: number, due: string | null, status = 'pending', completedOn: string | null = null) => ({
  taskId,
  due,
  status,
  completedOn,
});

describe('report periods', () => {
  it('reads the four period keys and refuses the others', () => {
    expect(parsePeriodKey('2026-Q1')).toEqual({ year: 2026, code: 'Q1', key: '2026-Q1' });
    expect(parsePeriodKey(' 2026-h1 ')).toEqual({ year: 2026, code: 'H1', key: '2026-H1' });
    expect(parsePeriodKey('2026-y')?.key).toBe('2026-Y');
    for (const bad of ['2026-Q2', '2026-Q4', '2026', 'Q1-2026', '1999-Q1', ''])
      expect(parsePeriodKey(bad)).toBeNull();
  });
  it('names the report', () => {
    expect(reportSubject('Q1', 2026)).toBe('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(reportSubject('H1', 2026)).toBe(
      'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026',
    );
    expect(reportSubject('Y', 2026)).toBe('Kết quả thực hiện công tác cải cách hành chính năm 2026');
  });
  it('says where a report stands', () => {
    expect(reportState(null, '2026-03-05', '2026-03-05')).toBe('not_started');
    expect(reportState('draft', '2026-03-05', '2026-03-01')).toBe('draft');
    expect(reportState('draft', '2026-03-05', '2026-03-06')).toBe('overdue');
    expect(reportState(null, '2026-03-05', '2026-03-06')).toBe('overdue');
    expect(reportState('submitted', '2026-03-05', '2026-04-01')).toBe('submitted');
    expect(reportState('returned', '2026-03-05', '2026-04-01')).toBe('returned');
    expect(submittedLate('2026-03-05', '2026-03-05')).toBe(false);
    expect(submittedLate('2026-03-06', '2026-03-05')).toBe(true);
  });
  it('tells reminders what is due soon or late', () => {
    expect(dueReportState(null, '2026-03-05', '2026-02-25')).toBe(null);
    expect(dueReportState(null, '2026-03-05', '2026-02-26')).toBe('due_soon');
    expect(dueReportState('draft', '2026-03-05', '2026-03-05')).toBe('due_soon');
    expect(dueReportState('returned', '2026-03-05', '2026-03-06')).toBe('overdue');
    expect(dueReportState('submitted', '2026-03-05', '2026-03-06')).toBe(null);
  });
});

describe('task figures in the cut-off window', () => {
  it('classifies each occurrence due in the window', () => {
    expect(occurrenceOutcome(occ(1, '2025-12-14', 'done', '2025-12-01'), w)).toBeNull();
    expect(occurrenceOutcome(occ(1, '2026-03-15'), w)).toBeNull();
    expect(occurrenceOutcome(occ(1, null), w)).toBeNull();
    expect(occurrenceOutcome(occ(1, '2025-12-15', 'done', '2025-12-15'), w)).toBe('done');
    expect(occurrenceOutcome(occ(1, '2026-01-15', 'done', '2026-01-16'), w)).toBe('done_late');
    expect(occurrenceOutcome(occ(1, '2026-03-02'), w)).toBe('overdue');
    expect(occurrenceOutcome(occ(1, '2026-03-03'), w)).toBe('not_yet_due');
    expect(occurrenceOutcome(occ(1, '2026-03-14', 'not_applicable'), w)).toBe('not_applicable');
  });
  it('counts an area and describes each task', () => {
    const tasks = [1, 2].map((id) => ({
      id,
      areaCode: '1',
      code: `1.${id}`,
      title: 'T',
      deliverables: ['Báo cáo'],
      lead: null,
      deadlineText: 'x',
      status: 'in_progress',
      progressNote: null,
    }));
    const o = [
      occ(1, '2026-01-15', 'done', '2026-01-20'),
      occ(1, '2026-02-15'),
      occ(2, '2026-03-10'),
      occ(3, '2026-01-01', 'done', '2026-01-01'),
    ];
    expect(areaFigures(tasks, o, w)).toEqual({
      tasks: 2,
      due: 3,
      done: 1,
      doneLate: 1,
      overdue: 1,
      notYetDue: 1,
      notApplicable: 0,
    });
    expect(taskResult(tasks[0]!, o, w)).toMatchObject({
      dueInWindow: '15/01/2026; 15/02/2026',
      result: 'Quá hạn',
      deliverables: 'Báo cáo',
    });
    expect(taskResult(tasks[1]!, o, w).result).toBe('Chưa đến hạn');
    expect(taskResult(tasks[1]!, [], w).result).toBe('Đang thực hiện');
    expect(taskResult(tasks[1]!, [occ(2, '2026-01-05', 'done', '2026-01-05')], w).result).toBe('Hoàn thành');
  });
});

describe('target results', () => {
  const base: TargetInput = {
    code: '1',
    text: 'Tỷ lệ …',
    lead: null,
    isGroup: false,
    threshold: { kind: 'percent', op: '>=', value: 98 },
    metric: null,
    achievedValue: null,
    achievedText: null,
    assessedState: null,
  };
  it('measures bound targets and never invents a value', () => {
    expect(targetResult({ ...base, metric: 'dossier_on_time' }, null)).toMatchObject({
      basis: 'measured',
      value: null,
      valueText: 'chưa có số liệu',
      state: 'unknown',
    });
    expect(targetResult({ ...base, achievedValue: 99.5 }, null)).toMatchObject({
      basis: 'entered',
      valueText: '99,5%',
      state: 'met',
      stateLabel: 'Đạt',
      threshold: '≥ 98%',
    });
    expect(
      targetResult(
        {
          ...base,
          threshold: { kind: 'not_lower_than_year', year: 2025 },
          achievedText: 'Cao hơn',
          assessedState: 'met',
        },
        null,
      ),
    ).toMatchObject({ valueText: 'Cao hơn', state: 'met' });
    expect(targetResult({ ...base, isGroup: true }, null)).toMatchObject({ valueText: '', stateLabel: '' });
  });
  it('formats percentages with a decimal comma', () => {
    expect(formatPercent(66.67)).toBe('66,67%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('chưa có số liệu');
  });
});
