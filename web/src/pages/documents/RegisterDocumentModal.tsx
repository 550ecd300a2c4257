import { FileInput, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { documentsApi } from '../../api/documents.js';
import type { DocumentDirection, DocumentEntry } from '../../api/documents.js';
import { ErrorAlert, FormActions, notifyError } from '../../components/common.js';
import { RegisterEntryFields } from './RegisterEntryFields.js';
import { RegisterFormFields } from './RegisterFormFields.js';
import { initial, toInput } from './registerValues.js';
import type { Options, SetValue, Values } from './registerValues.js';

/**
 * Registers an outgoing document (the register gives its number) or an incoming one (its own
 * number kept, an arrival number given), then attaches its file: a PDF's signatures are checked.
 */
export function RegisterDocumentModal({
  unitId,
  direction,
  options,
  opened,
  onClose,
  onDone,
}: {
  unitId: number;
  direction: DocumentDirection;
  options: Options;
  opened: boolean;
  onClose: () => void;
  onDone: (d: DocumentEntry) => void;
}) {
  const outgoing = direction === 'outgoing';
  const [values, setValues] = useState<Values>(() => initial(outgoing));
  const set: SetValue = (key, value) => setValues((v) => ({ ...v, [key]: value }));
  const [file, setFile] = useState<File | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const doc = await documentsApi.register(toInput(unitId, direction, values));
      // Registered is registered: a failed upload is reported, and the file attached from the
      // document's page, rather than leaving the form open to register it twice.
      if (file)
        await documentsApi.attach(doc.id, file).catch((err: unknown) => {
          notifyError(err, 'Đã vào sổ nhưng chưa đính kèm được tệp');
        });
      return doc;
    },
    onSuccess: (doc) => onDone(doc),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={outgoing ? 'Vào sổ văn bản đi' : 'Vào sổ văn bản đến'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {outgoing && (
            <Text size="sm" c="dimmed">
              Số văn bản được cấp tự động: số tiếp theo của sổ trong năm.
            </Text>
          )}
          <RegisterEntryFields v={values} set={set} options={options} outgoing={outgoing} />
          <RegisterFormFields v={values} set={set} options={options} outgoing={outgoing} />
          <FileInput
            label="Tệp văn bản"
            description="Tệp PDF đã ký số được kiểm tra chữ ký ngay khi lưu."
            placeholder="Chọn tệp"
            value={file}
            onChange={setFile}
            clearable
            data-testid="register-file"
          />
          {save.isError && <ErrorAlert error={save.error} />}
          <FormActions onCancel={onClose} loading={save.isPending} testId="register-submit">
            Vào sổ
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
