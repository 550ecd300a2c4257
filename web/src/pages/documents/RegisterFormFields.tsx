import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { Channel, Form, RegisterFieldsProps } from './registerValues.js';
import { DOCUMENT_LIMITS } from '../../../../src/shared/documents.js';

/** Form, channel, signature and confidentiality of the entry. */
export function RegisterFormFields({ v, set, options, outgoing }: RegisterFieldsProps) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Hình thức"
          data={options.forms}
          value={v.form}
          onChange={(x) => x && set('form', x as Form)}
          allowDeselect={false}
        />
        <Select
          label={outgoing ? 'Phương thức gửi' : 'Phương thức nhận'}
          data={options.channels}
          value={v.channel}
          onChange={(x) => x && set('channel', x as Channel)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group gap="lg">
        <Checkbox
          label="Có chữ ký số"
          checked={v.signed}
          onChange={(e) => set('signed', e.currentTarget.checked)}
        />
        <Checkbox
          label="Văn bản mật"
          checked={v.confidential}
          onChange={(e) => set('confidential', e.currentTarget.checked)}
        />
      </Group>
      <TextInput
        label="Người ký"
        value={v.signer}
        onChange={(e) => set('signer', e.currentTarget.value)}
        maxLength={DOCUMENT_LIMITS.signer}
      />
    </>
  );
}
