import { Alert, Stack, Text, Title } from '@mantine/core';
import { ImportStepper } from '../../components/ImportStepper.js';
import { permissions, useCurrentUser } from '../../session.js';
import { ReviewStep } from './ReviewStep.js';
import { SaveStep } from './SaveStep.js';
import { SourceStep } from './SourceStep.js';
import { usePlanImport } from './usePlanImport.js';

/** `/import`: a plan read from a document, checked and corrected, then saved. */
export function ImportPage() {
  const me = useCurrentUser();
  const im = usePlanImport(me.unit.id);
  if (!permissions(me).importPlan)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách CCHC hoặc quản trị của đơn vị mới nhập được kế hoạch.
      </Alert>
    );
  const { draft, summary, preview } = im;
  return (
    <Stack gap="lg" data-testid="import-page">
      <div>
        <Title order={2}>Nhập kế hoạch</Title>
        <Text c="dimmed">
          Đọc kế hoạch CCHC từ tệp Word (.docx), Markdown (.md) hoặc văn bản, kiểm tra rồi lưu.
        </Text>
      </div>
      <ImportStepper
        active={im.step}
        onStep={im.setStep}
        testId="import-stepper"
        steps={[
          {
            label: 'Chọn tài liệu',
            description: 'Tệp hoặc văn bản',
            content: <SourceStep im={im} unitName={me.unit.name} />,
          },
          {
            label: 'Kiểm tra, chỉnh sửa',
            description: 'Sửa chỗ đọc sai',
            content: draft && summary && preview && (
              <ReviewStep im={im} draft={draft} summary={summary} preview={preview} />
            ),
          },
          {
            label: 'Lưu',
            description: 'Tạo hoặc thay thế',
            content: draft && summary && (
              <SaveStep im={im} draft={draft} summary={summary} unitName={me.unit.name} />
            ),
          },
        ]}
      />
    </Stack>
  );
}
