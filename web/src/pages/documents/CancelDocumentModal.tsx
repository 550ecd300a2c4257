import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { documentsApi } from '../../api/documents.js';
import type { DocumentEntry } from '../../api/documents.js';
import { ErrorAlert, FormActions } from '../../components/common.js';
import { DOCUMENT_LIMITS } from '../../../../src/shared/documents.js';

/** Cancels an entry with a reason: it keeps its number and stays in the register (never deleted). */
export function CancelDocumentModal({
  doc,
  onClose,
  onDone,
}: {
  doc: DocumentEntry;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const cancel = useMutation({ mutationFn: () => documentsApi.cancel(doc.id, reason), onSuccess: onDone });
  return (
    <Modal opened onClose={onClose} title={`Hủy văn bản số ${doc.numberText}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Văn bản vẫn nằm trong sổ và giữ số của nó; số này không được cấp lại cho văn bản khác.
          </Text>
          <Textarea
            label="Lý do hủy"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={DOCUMENT_LIMITS.cancelReason}
            autosize
            minRows={2}
            required
            data-testid="cancel-reason"
          />
          {cancel.isError && <ErrorAlert error={cancel.error} />}
          <FormActions onCancel={onClose} loading={cancel.isPending} color="red" testId="cancel-submit">
            Hủy văn bản
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
