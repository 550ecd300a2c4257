import { Card, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { RECEIVE_LIMITS } from '../../../../src/shared/dossiers.js';
import type { ReceiveForm } from './receive.js';

/** Who files the dossier, and what they ask for. */
export function ReceiveApplicantCard({ form }: { form: ReceiveForm }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h4" mb="sm">
        Người nộp hồ sơ
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Họ và tên (tổ chức)"
          {...form.getInputProps('name')}
          required
          minLength={2}
          maxLength={RECEIVE_LIMITS.applicantName}
          autoComplete="off"
          data-testid="receive-name"
        />
        <TextInput
          label="Số định danh cá nhân / mã số tổ chức"
          {...form.getInputProps('idNumber')}
          maxLength={RECEIVE_LIMITS.idNumber}
          autoComplete="off"
          inputMode="numeric"
          data-testid="receive-id-number"
        />
        <TextInput
          label="Số điện thoại"
          {...form.getInputProps('phone')}
          maxLength={RECEIVE_LIMITS.phone}
          type="tel"
          autoComplete="off"
          data-testid="receive-phone"
        />
        <TextInput
          label="Thư điện tử"
          {...form.getInputProps('email')}
          maxLength={RECEIVE_LIMITS.email}
          type="email"
          autoComplete="off"
          data-testid="receive-email"
        />
      </SimpleGrid>
      <TextInput
        mt="sm"
        label="Địa chỉ"
        {...form.getInputProps('address')}
        maxLength={RECEIVE_LIMITS.address}
        autoComplete="off"
        data-testid="receive-address"
      />
      <Textarea
        mt="sm"
        label="Nội dung yêu cầu giải quyết"
        description="Để trống: lấy theo tên thủ tục"
        {...form.getInputProps('request')}
        autosize
        minRows={2}
        maxLength={RECEIVE_LIMITS.request}
        data-testid="receive-request"
      />
    </Card>
  );
}
