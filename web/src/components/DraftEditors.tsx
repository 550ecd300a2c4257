import {
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DraftTarget, DraftTask, PlanDraft, Threshold } from '../api/types.js';
import { linesToNamed, namedToLines } from '../lib/format.js';
import { FormActions } from './common.js';

const LINES_HELP = 'Mỗi dòng một mục; thêm “(nếu có)” ở cuối dòng cho mục không bắt buộc.';

/** Edits one task row of the draft (Phụ lục 1) before it is saved. */
export function TaskEditModal({
  task,
  areas,
  onSave,
  onClose,
}: {
  task: DraftTask;
  areas: PlanDraft['areas'];
  onSave: (t: DraftTask) => void;
  onClose: () => void;
}) {
  const [code, setCode] = useState(task.code);
  const [areaCode, setAreaCode] = useState(task.areaCode);
  const [title, setTitle] = useState(task.title);
  const [deliverables, setDeliverables] = useState(namedToLines(task.deliverables));
  const [lead, setLead] = useState(task.lead ?? '');
  const [leadOptional, setLeadOptional] = useState(task.leadOptional);
  const [cooperators, setCooperators] = useState(namedToLines(task.cooperators));
  const [deadlineText, setDeadlineText] = useState(task.deadlineText);
  const [optional, setOptional] = useState(task.optional);
  const areaOptions = [...new Set([...areas.map((a) => a.code), task.areaCode])].map((c) => ({
    value: c,
    label: `${c}. ${areas.find((a) => a.code === c)?.title ?? `Lĩnh vực ${c}`}`,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || !title.trim()) return;
    onSave({
      ...task,
      code: code.trim(),
      areaCode,
      title: title.trim(),
      deliverables: linesToNamed(deliverables),
      lead: lead.trim() || null,
      leadOptional,
      cooperators: linesToNamed(cooperators),
      deadlineText: deadlineText.trim(),
      optional,
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Sửa nhiệm vụ ${task.code}`} size="xl">
      <form onSubmit={submit} data-testid="task-edit-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Số thứ tự (mã)"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              maxLength={20}
              data-autofocus
            />
            <Select
              label="Lĩnh vực"
              data={areaOptions}
              value={areaCode}
              onChange={(v) => v && setAreaCode(v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label="Nhiệm vụ cụ thể"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={10000}
          />
          <Textarea
            label="Sản phẩm"
            description={LINES_HELP}
            value={deliverables}
            onChange={(e) => setDeliverables(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={6}>
              <TextInput
                label="Cơ quan chủ trì"
                value={lead}
                onChange={(e) => setLead(e.currentTarget.value)}
                maxLength={500}
              />
              <Checkbox
                label="Chủ trì “nếu có”"
                checked={leadOptional}
                onChange={(e) => setLeadOptional(e.currentTarget.checked)}
              />
            </Stack>
            <Textarea
              label="Cơ quan phối hợp"
              description={LINES_HELP}
              value={cooperators}
              onChange={(e) => setCooperators(e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <Textarea
            label="Thời gian hoàn thành"
            description="Ghi như trong kế hoạch, ví dụ “Quý I/2023”, “Trước ngày 05/11/2023”, “Thường xuyên”"
            value={deadlineText}
            onChange={(e) => setDeadlineText(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={2000}
          />
          <Checkbox
            label="Nhiệm vụ “nếu có” (chỉ thực hiện khi phát sinh)"
            checked={optional}
            onChange={(e) => setOptional(e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose}>Lưu thay đổi</FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

type ThresholdKind = 'none' | Threshold['kind'];

/** Edits one target of the draft (mục II or Phụ lục 2). */
export function TargetEditModal({
  target,
  onSave,
  onClose,
}: {
  target: DraftTarget;
  onSave: (t: DraftTarget) => void;
  onClose: () => void;
}) {
  const [code, setCode] = useState(target.code);
  const [text, setText] = useState(target.text);
  const [lead, setLead] = useState(target.lead ?? '');
  const [cooperators, setCooperators] = useState(namedToLines(target.cooperators ?? []));
  const th = target.threshold;
  const [kind, setKind] = useState<ThresholdKind>(th?.kind ?? 'none');
  const [op, setOp] = useState<'>=' | '=' | '<='>(th?.kind === 'percent' ? th.op : '>=');
  const [value, setValue] = useState<number | string>(th?.kind === 'percent' ? th.value : 100);
  const [year, setYear] = useState<number | string>(
    th?.kind === 'not_lower_than_year' ? th.year : new Date().getFullYear() - 1,
  );
  const [thText, setThText] = useState(th?.kind === 'text' ? th.text : '');
  const threshold = (): Threshold | null => {
    switch (kind) {
      case 'none':
        return null;
      case 'percent':
        return { kind: 'percent', op, value: Number(value) || 0 };
      case 'not_lower_than_year':
        return { kind: 'not_lower_than_year', year: Number(year) || new Date().getFullYear() - 1 };
      case 'text':
        return thText.trim() ? { kind: 'text', text: thText.trim() } : null;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || !text.trim()) return;
    onSave({
      ...target,
      code: code.trim(),
      text: text.trim(),
      threshold: target.isGroup ? target.threshold : threshold(),
      lead: lead.trim() || null,
      cooperators: linesToNamed(cooperators),
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Sửa ${target.isGroup ? 'nhóm chỉ tiêu' : 'chỉ tiêu'} ${target.code}`}
      size="xl"
    >
      <form onSubmit={submit} data-testid="target-edit-form">
        <Stack>
          <TextInput
            label="Số thứ tự (mã)"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            maxLength={20}
            w={200}
            data-autofocus
          />
          <Textarea
            label="Chỉ tiêu"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={5000}
          />
          {!target.isGroup && (
            <Group align="flex-end" wrap="wrap">
              <Select
                label="Mức chỉ tiêu"
                data={[
                  { value: 'none', label: 'Không có mức cụ thể' },
                  { value: 'percent', label: 'Tỷ lệ (%)' },
                  { value: 'not_lower_than_year', label: 'Không thấp hơn năm' },
                  { value: 'text', label: 'Mô tả bằng lời' },
                ]}
                value={kind}
                onChange={(v) => v && setKind(v)}
                allowDeselect={false}
                w={220}
              />
              {kind === 'percent' && (
                <>
                  <Select
                    label="So sánh"
                    data={[
                      { value: '>=', label: '≥ (từ … trở lên)' },
                      { value: '=', label: '= (bằng)' },
                      { value: '<=', label: '≤ (không quá)' },
                    ]}
                    value={op}
                    onChange={(v) => v && setOp(v)}
                    allowDeselect={false}
                    w={180}
                  />
                  <NumberInput
                    label="Tỷ lệ"
                    value={value}
                    onChange={setValue}
                    min={0}
                    max={1000}
                    suffix="%"
                    decimalSeparator=","
                    w={120}
                  />
                </>
              )}
              {kind === 'not_lower_than_year' && (
                <NumberInput
                  label="Năm so sánh"
                  value={year}
                  onChange={setYear}
                  min={2000}
                  max={2100}
                  w={140}
                />
              )}
              {kind === 'text' && (
                <TextInput
                  label="Mức chỉ tiêu"
                  value={thText}
                  onChange={(e) => setThText(e.currentTarget.value)}
                  style={{ flex: 1 }}
                  maxLength={2000}
                />
              )}
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Cơ quan chủ trì, theo dõi"
              value={lead}
              onChange={(e) => setLead(e.currentTarget.value)}
              maxLength={500}
            />
            <Textarea
              label="Cơ quan phối hợp"
              description={LINES_HELP}
              value={cooperators}
              onChange={(e) => setCooperators(e.currentTarget.value)}
              autosize
              minRows={1}
            />
          </SimpleGrid>
          <FormActions onCancel={onClose}>Lưu thay đổi</FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
