import {
  Checkbox,
  FileInput,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { documentsApi } from '../../api/documents.js';
import type { DocumentDirection, DocumentEntry, DocumentInput, DocumentPage } from '../../api/documents.js';
import { ErrorAlert, FormActions, notifyError } from '../../components/common.js';
import { parseVnDate } from '../../lib/format.js';

type Options = DocumentPage['options'];
type Form = DocumentInput['form'];
type Channel = DocumentInput['channel'];

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
  const [docType, setDocType] = useState<string | null>(outgoing ? 'KH' : 'CV');
  const [summary, setSummary] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(null);
  const [party, setParty] = useState('');
  const [numberText, setNumberText] = useState('');
  const [receivedOn, setReceivedOn] = useState<string | null>(null);
  const [handlingUnit, setHandlingUnit] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [form, setForm] = useState<Form>('electronic');
  const [channel, setChannel] = useState<Channel>('eoffice');
  const [signed, setSigned] = useState(false);
  const [signer, setSigner] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const input: DocumentInput = {
        unitId,
        direction,
        docType: (docType ?? 'CV') as DocumentInput['docType'],
        summary,
        form,
        channel,
        signed,
        confidential,
        ...(documentDate ? { documentDate } : {}),
        ...(signer.trim() ? { signer: signer.trim() } : {}),
        ...(outgoing
          ? party.trim()
            ? { recipients: party.trim() }
            : {}
          : {
              ...(party.trim() ? { sender: party.trim() } : {}),
              ...(numberText.trim() ? { numberText: numberText.trim() } : {}),
              ...(receivedOn ? { receivedOn } : {}),
              ...(handlingUnit.trim() ? { handlingUnit: handlingUnit.trim() } : {}),
              dueDate,
            }),
      };
      const doc = await documentsApi.register(input);
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
  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    dateParser: parseVnDate,
    placeholder: 'dd/mm/yyyy',
    clearable: true,
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Loại văn bản"
              data={options.types.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }))}
              value={docType}
              onChange={setDocType}
              searchable
              allowDeselect={false}
              required
            />
            <DateInput
              label={outgoing ? 'Ngày ban hành' : 'Ngày văn bản'}
              value={documentDate}
              onChange={setDocumentDate}
              {...dateProps}
            />
          </SimpleGrid>
          {!outgoing && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Số, ký hiệu"
                value={numberText}
                onChange={(e) => setNumberText(e.currentTarget.value)}
                placeholder="15/UBND-VP"
              />
              <DateInput label="Ngày đến" value={receivedOn} onChange={setReceivedOn} {...dateProps} />
            </SimpleGrid>
          )}
          <Textarea
            label="Trích yếu"
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          <TextInput
            label={outgoing ? 'Nơi nhận' : 'Nơi gửi'}
            value={party}
            onChange={(e) => setParty(e.currentTarget.value)}
          />
          {!outgoing && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Đơn vị, người xử lý"
                value={handlingUnit}
                onChange={(e) => setHandlingUnit(e.currentTarget.value)}
              />
              <DateInput label="Hạn xử lý" value={dueDate} onChange={setDueDate} {...dateProps} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Hình thức"
              data={options.forms}
              value={form}
              onChange={(v) => v && setForm(v as Form)}
              allowDeselect={false}
            />
            <Select
              label={outgoing ? 'Phương thức gửi' : 'Phương thức nhận'}
              data={options.channels}
              value={channel}
              onChange={(v) => v && setChannel(v as Channel)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox
              label="Có chữ ký số"
              checked={signed}
              onChange={(e) => setSigned(e.currentTarget.checked)}
            />
            <Checkbox
              label="Văn bản mật"
              checked={confidential}
              onChange={(e) => setConfidential(e.currentTarget.checked)}
            />
          </Group>
          <TextInput label="Người ký" value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
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
