import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { invalidateRegister } from '../../api/dossiers.js';
import { registerImportApi, registerImportKeys } from '../../api/dossier-import.js';
import type { RegisterMapping, RegisterPreviewOut } from '../../api/dossier-import.js';
import { notifySuccess } from '../../components/common.js';
import { fieldLabel } from '../../lib/importReport.js';

/** The preview's mapping, completed by the columns it matched (field → 0-based column). */
function initialMapping(p: RegisterPreviewOut): Record<string, number> {
  const mapping: Record<string, number> = {};
  for (const [k, v] of Object.entries(p.mapping)) if (typeof v === 'number') mapping[k] = v;
  for (const c of p.columns) if (c.field && mapping[c.field] === undefined) mapping[c.field] = c.index;
  return mapping;
}

/**
 * The register import's state: the file, its preview and the column mapping the user corrects,
 * the commit, and its progress read by the secret id this page chose (the progress route reads no
 * session, so it answers on SQLite too while the commit holds the database).
 */
export function useRegisterImport(unitId: number) {
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState(0);
  const [preview, setPreview] = useState<RegisterPreviewOut | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [mappingEdited, setMappingEdited] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);

  /** Every field the server knows: its column, or null to leave it out (a detected one too). */
  const mappingPayload = (): RegisterMapping => {
    const out: RegisterMapping = {};
    for (const f of preview?.fields ?? []) out[f.key] = null;
    for (const [k, v] of Object.entries(mapping)) out[k] = v;
    return out;
  };

  const read = useMutation({
    mutationFn: (withMapping: boolean) => {
      if (!file) throw new Error('Hãy chọn tệp sổ theo dõi.');
      return registerImportApi.preview(unitId, file, withMapping ? mappingPayload() : null, setUpload);
    },
    onMutate: () => setUpload(0),
    onSuccess: (p) => {
      setPreview(p);
      setMapping(initialMapping(p));
      setMappingEdited(false);
      setStep(1);
    },
  });

  const commit = useMutation({
    mutationFn: (id: string) => {
      if (!file) throw new Error('Hãy chọn tệp sổ theo dõi.');
      return registerImportApi.commit(unitId, file, preview ? mappingPayload() : null, id, setUpload);
    },
    onMutate: (id) => {
      setUpload(0);
      setImportId(id);
      setStep(2);
    },
    onSuccess: async () => {
      notifySuccess('Đã nhập sổ theo dõi hồ sơ.');
      await invalidateRegister(qc);
    },
  });

  const poll = useQuery({
    queryKey: registerImportKeys.progress(importId),
    queryFn: () => registerImportApi.progress(importId ?? ''),
    enabled: importId !== null && commit.isPending && upload >= 1,
    refetchInterval: 700,
    retry: false,
  });

  const fields = preview?.fields ?? [];
  return {
    step,
    setStep,
    file,
    chooseFile: (f: File | null) => {
      setFile(f);
      setPreview(null);
    },
    upload,
    preview,
    mapping,
    mappingEdited,
    /** Puts column `index` on `field` (null: the column is not used), each field on one column. */
    assign: (index: number, field: string | null) => {
      setMapping((m) => {
        const next: Record<string, number> = {};
        for (const [k, v] of Object.entries(m)) if (v !== index && k !== field) next[k] = v;
        if (field) next[field] = index;
        return next;
      });
      setMappingEdited(true);
    },
    label: (f: string) => fieldLabel(f, fields),
    missingRequired: fields.filter((f) => f.required && mapping[f.key] === undefined),
    read,
    commit,
    progress: poll.data ?? null,
    restart: () => {
      setStep(0);
      setFile(null);
      setPreview(null);
      setImportId(null);
      commit.reset();
    },
  };
}

export type RegisterImport = ReturnType<typeof useRegisterImport>;
