import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.js';
import {
  DEFAULT_FEEDBACK_DEADLINES,
  FEEDBACK_STATUSES,
  addFeedbackDays,
  allowedActions,
  checkAction,
  currentDue,
  deadlinesFromReceipt,
  dueState,
  feedbackCode,
  foldForSearch,
  looksVietnamese,
  maskContacts,
  nextStatus,
} from './index.js';
import type { FeedbackAction, FeedbackStatus } from './index.js';

const officer = { handle: true, approve: false };
const head = { handle: true, approve: true };
const outsider = { handle: false, approve: false };
const cal = new WorkingCalendar();
const vn = (s: string) => Date.parse(`${s}+07:00`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('PAKN workflow', () => {
  it('walks the accepted path to publication and back', () => {
    let s: FeedbackStatus = 'received';
    const steps: [FeedbackAction, FeedbackStatus][] = [
      ['classify', 'accepted'],
      ['assign', 'assigned'],
      ['answer', 'answered'],
      ['return', 'assigned'],
      ['answer', 'answered'],
      ['approve', 'approved'],
      ['publish', 'published'],
      ['withdraw', 'unpublished'],
      ['publish', 'published'],
    ];
    for (const [action, expected] of steps) {
      expect(checkAction(s, action, head)).toBeNull();
      s = nextStatus(s, action, 'regulation');
      expect(s).toBe(expected);
    }
  });

  it('classifies into refusal, forwarding or handling', () => {
    expect(nextStatus('received', 'classify', 'not_accepted')).toBe('not_accepted');
    expect(nextStatus('received', 'classify', 'outside_competence')).toBe('to_forward');
    expect(nextStatus('received', 'classify', 'conduct')).toBe('to_forward');
    expect(nextStatus('received', 'classify', 'regulation')).toBe('accepted');
    expect(nextStatus('to_forward', 'forward')).toBe('forwarded');
    expect(() => nextStatus('received', 'classify')).toThrow(RangeError);
  });

  it('lets only the head approve or return a draft answer', () => {
    expect(checkAction('answered', 'approve', officer)).toMatch(/thủ trưởng/);
    expect(checkAction('answered', 'return', officer)).toMatch(/thủ trưởng/);
    expect(checkAction('answered', 'approve', head)).toBeNull();
    expect(allowedActions('answered', officer)).toEqual([]);
    expect(allowedActions('answered', head)).toEqual(['return', 'approve']);
  });

  it('refuses impossible steps with a Vietnamese reason and offers nothing to outsiders', () => {
    expect(checkAction('received', 'publish', head)).toMatch(/không thể công khai kết quả/);
    expect(checkAction('forwarded', 'assign', head)).toMatch(/Đã chuyển cơ quan có thẩm quyền/);
    expect(checkAction('received', 'classify', outsider)).toMatch(/Chỉ cán bộ/);
    for (const s of FEEDBACK_STATUSES) expect(allowedActions(s, outsider)).toEqual([]);
    expect(allowedActions('not_accepted', head)).toEqual([]);
    expect(allowedActions('received', officer)).toEqual(['classify']);
    expect(allowedActions('accepted', officer)).toEqual(['assign', 'answer']);
    expect(allowedActions('approved', officer)).toEqual(['publish']);
    expect(allowedActions('published', officer)).toEqual(['withdraw']);
  });
});

describe('PAKN deadlines', () => {
  // Tue 12/5/2026 09:00; working days follow: Wed 13, Thu 14, Fri 15, Mon 18, Tue 19 …
  const received = vn('2026-05-12T09:00:00');
  const d = deadlinesFromReceipt(received, DEFAULT_FEEDBACK_DEADLINES, cal);

  it('counts each limit in working days from the day after receipt', () => {
    expect(iso(d.classifyDue)).toBe(iso(vn('2026-05-14T17:00:00')));
    expect(iso(d.forwardDue)).toBe(iso(vn('2026-05-19T17:00:00')));
    // 15 working days: 13–15, 18–22, 25–29, 1–2/6 → Tue 2/6/2026.
    expect(iso(d.answerDue)).toBe(iso(vn('2026-06-02T17:00:00')));
    // Approved Fri 29/5 → published by Tue 2/6 (Mon 1, Tue 2).
    expect(iso(addFeedbackDays(vn('2026-05-29T10:00:00'), 2, cal))).toBe(iso(vn('2026-06-02T17:00:00')));
  });

  it('skips holidays: received before Giỗ Tổ and 30/4–1/5 2026', () => {
    // Fri 24/4/2026: Mon 27/4 is the Giỗ Tổ day off (26/4 falls on Sunday), 30/4 and 1/5 are off.
    const r = vn('2026-04-24T10:00:00');
    expect(iso(addFeedbackDays(r, 2, cal))).toBe(iso(vn('2026-04-29T17:00:00')));
    expect(iso(addFeedbackDays(r, 5, cal))).toBe(iso(vn('2026-05-06T17:00:00')));
  });

  it('uses a unit’s own limits', () => {
    const own = deadlinesFromReceipt(received, { ...DEFAULT_FEEDBACK_DEADLINES, forwardDays: 3 }, cal);
    expect(iso(own.forwardDue)).toBe(iso(vn('2026-05-15T17:00:00')));
  });

  it('picks the deadline of the step the item waits for', () => {
    const pub = vn('2026-06-01T17:00:00');
    expect(currentDue('received', d, null)).toBe(d.classifyDue);
    expect(currentDue('to_forward', d, null)).toBe(d.forwardDue);
    expect(currentDue('accepted', d, null)).toBe(d.answerDue);
    expect(currentDue('assigned', d, null)).toBe(d.answerDue);
    expect(currentDue('answered', d, null)).toBe(d.answerDue);
    expect(currentDue('approved', d, pub)).toBe(pub);
    for (const s of ['not_accepted', 'forwarded', 'published', 'unpublished'] as const)
      expect(currentDue(s, d, pub)).toBeNull();
  });

  it('flags due soon within two working days and overdue after the deadline', () => {
    const due = vn('2026-05-19T17:00:00'); // Tue
    expect(dueState(due, vn('2026-05-12T09:00:00'), cal)).toBe('ok');
    expect(dueState(due, vn('2026-05-15T09:00:00'), cal)).toBe('due_soon'); // Fri: Mon, Tue left
    expect(dueState(due, vn('2026-05-19T16:59:00'), cal)).toBe('due_soon');
    expect(dueState(due, vn('2026-05-19T17:01:00'), cal)).toBe('overdue');
    expect(dueState(null, vn('2026-05-19T17:01:00'), cal)).toBe('none');
  });
});

describe('PAKN text', () => {
  it('folds diacritics and đ for search', () => {
    expect(foldForSearch('  Đường  Lê Lợi, ĐÀO tạo ')).toBe('duong le loi, dao tao');
    expect(foldForSearch('học phí')).toBe(foldForSearch('HOC PHI'));
  });

  it('hides e-mails, phone and ID numbers in public text', () => {
    const t = maskContacts(
      'Gọi 0901 234 567 hoặc +84 901-234-567, CCCD 079.123.456.789, thư an.nguyen@example.vn; ngày 12/05/2026, lớp 5.',
    );
    expect(t).not.toMatch(/0901|901-234|079\.123|example/);
    expect(t).toContain('ngày 12/05/2026, lớp 5.');
    expect(maskContacts('Quỹ 150.000.000 đồng; gọi 0901.234.567 đồng hồ')).toBe(
      'Quỹ 150.000.000 đồng; gọi [đã ẩn] đồng hồ',
    );
  });

  it('recognises Vietnamese text', () => {
    expect(looksVietnamese('Đề nghị nhà trường công khai học phí')).toBe(true);
    expect(looksVietnamese('de nghi truong cong khai hoc phi')).toBe(true);
    expect(looksVietnamese('Buy cheap pills now')).toBe(false);
  });

  it('numbers PAKN like dossiers, with a PA- prefix', () => {
    expect(feedbackCode('MNTT', vn('2026-05-12T09:00:00'), 3)).toBe('PA-MNTT-260512-0003');
  });
});
