import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import { invalidateAfterPlanImport, planImportApi } from '../../api/plan-import.js';
import type { CommitMode, PlanDraft, PreviewResult } from '../../api/plan-import.js';
import { notifySuccess } from '../../components/common.js';
import { summarize } from './summarize.js';

/**
 * The plan import's state: where the plan comes from (file or pasted text), the draft read from it
 * and corrected by the user, and how it is saved when the unit already has a plan that year.
 */
export function usePlanImport(ownUnitId: number) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [unitId, setUnitId] = useState(String(ownUnitId));
  const [year, setYear] = useState<number | string>('');
  const [sourceTab, setSourceTab] = useState<string | null>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [existing, setExisting] = useState<PreviewResult['existing']>(null);
  const [mode, setMode] = useState<Exclude<CommitMode, 'create'> | null>(null);

  const read = useMutation({
    mutationFn: () => {
      const y = typeof year === 'number' ? year : null;
      if (sourceTab === 'file') {
        if (!file) throw new Error('Hãy chọn tệp kế hoạch.');
        return planImportApi.previewFile(Number(unitId), file, y, setProgress);
      }
      return planImportApi.previewText(Number(unitId), text, y);
    },
    onMutate: () => setProgress(0),
    onSuccess: (result) => {
      setPreview(result);
      setDraft(structuredClone(result.draft));
      setDirty(false);
      setExisting(result.existing);
      setMode(null);
      setStep(1);
    },
  });

  const save = useMutation({
    mutationFn: () => {
      if (!draft || !preview) throw new Error('Chưa có kế hoạch để lưu.');
      return planImportApi.commit({
        unitId: Number(unitId),
        draft,
        mode: existing ? (mode ?? 'new_version') : 'create',
        source: preview.source,
        ...(draft.year ? { year: draft.year } : {}),
      });
    },
    onSuccess: async ({ planId }) => {
      notifySuccess('Đã lưu kế hoạch.');
      await invalidateAfterPlanImport(qc);
      void navigate(`/plans/${planId}`);
    },
    onError: (err) => {
      // Someone saved a plan for this year meanwhile: ask how to save this one.
      if (err instanceof ApiError && err.code === 'PLAN_EXISTS' && !existing) {
        const details = err.details as { planId?: number } | undefined;
        setExisting({ id: details?.planId ?? 0, version: 1, number: null, title: 'Kế hoạch hiện có' });
      }
    },
  });

  return {
    step,
    setStep,
    source: { unitId, setUnitId, year, setYear, sourceTab, setSourceTab, file, setFile, text, setText },
    progress,
    preview,
    draft,
    update: (fn: (d: PlanDraft) => PlanDraft) => {
      setDraft((d) => (d ? fn(d) : d));
      setDirty(true);
    },
    summary: draft && (dirty || !preview ? summarize(draft) : preview.summary),
    canRead: sourceTab === 'file' ? file !== null : text.trim().length > 0,
    parsing: read.isPending && (sourceTab !== 'file' || progress >= 1),
    existing,
    mode,
    setMode,
    read,
    save,
  };
}

export type PlanImport = ReturnType<typeof usePlanImport>;
