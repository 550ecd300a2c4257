import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { regulationsApi } from '../../api/regulations.js';
import type { Regulation, RegulationInput, RegulationList } from '../../api/regulations.js';
import { ErrorAlert, FormActions } from '../../components/common.js';
import { parseVnDate } from '../../lib/format.js';
import { REGULATION_LIMITS } from '../../../../src/shared/documents.js';

type Kind = RegulationInput['kind'];

/** Adds an internal regulation, or edits one (`regulation` given). */
export function RegulationModal({
  unitId,
  kinds,
  regulation,
  onClose,
  onDone,
}: {
  unitId: number;
  kinds: RegulationList['kinds'];
  regulation: Regulation | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const r = regulation;
  const [title, setTitle] = useState(r?.title ?? '');
  const [kind, setKind] = useState<Kind>(r?.kind ?? 'chi_tieu_noi_bo');
  const [adoptionNumber, setAdoptionNumber] = useState(r?.adoption.number ?? '');
  const [adoptedOn, setAdoptedOn] = useState<string | null>(r?.adoption.date ?? null);
  const [reviewMonths, setReviewMonths] = useState<number | string>(r?.reviewMonths ?? 12);
  const [nextReviewOn, setNextReviewOn] = useState<string | null>(r?.nextReviewOn ?? null);
  const [note, setNote] = useState(r?.note ?? '');

  const save = useMutation({
    mutationFn: () => {
      const body = {
        title,
        kind,
        adoptionNumber: adoptionNumber.trim() || null,
        adoptedOn,
        reviewMonths: Number(reviewMonths),
        ...(nextReviewOn ? { nextReviewOn } : {}),
        note: note.trim() || null,
      };
      return r ? regulationsApi.update(r.id, body) : regulationsApi.create({ unitId, ...body });
    },
    onSuccess: onDone,
  });
  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    dateParser: parseVnDate,
    placeholder: 'dd/mm/yyyy',
    clearable: true,
  };

  return (
    <Modal opened onClose={onClose} title={r ? 'Sửa quy chế nội bộ' : 'Thêm quy chế nội bộ'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Tên quy chế"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={REGULATION_LIMITS.title}
            required
          />
          <Select
            label="Loại quy chế"
            data={kinds}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Số, ký hiệu văn bản ban hành"
              placeholder="15/QĐ-MNTT"
              value={adoptionNumber}
              onChange={(e) => setAdoptionNumber(e.currentTarget.value)}
              maxLength={REGULATION_LIMITS.adoptionNumber}
            />
            <DateInput label="Ngày ban hành" value={adoptedOn} onChange={setAdoptedOn} {...dateProps} />
            <NumberInput
              label="Chu kỳ rà soát (tháng)"
              min={1}
              max={REGULATION_LIMITS.reviewMonths}
              value={reviewMonths}
              onChange={setReviewMonths}
            />
            <DateInput
              label="Ngày rà soát tiếp theo"
              description="Để trống: một chu kỳ sau ngày ban hành"
              value={nextReviewOn}
              onChange={setNextReviewOn}
              {...dateProps}
            />
          </SimpleGrid>
          <Textarea
            label="Ghi chú"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={REGULATION_LIMITS.note}
            autosize
            minRows={2}
          />
          {save.isError && <ErrorAlert error={save.error} />}
          <FormActions onCancel={onClose} loading={save.isPending}>
            Lưu
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
