import { Alert, Stack, Text, Title } from '@mantine/core';
import { DossierBreadcrumbs, useDossierScope } from '../../components/dossier.js';
import { ImportStepper } from '../../components/ImportStepper.js';
import { RegisterCommitStep } from './RegisterCommitStep.js';
import { RegisterFileStep } from './RegisterFileStep.js';
import { RegisterPreviewStep } from './RegisterPreviewStep.js';
import { useRegisterImport } from './useRegisterImport.js';

/** `/ho-so/nhap-so`: a register (Mẫu 06) exported by other one-stop software, read and saved. */
export function DossierImportPage() {
  const scope = useDossierScope();
  const im = useRegisterImport(scope.unitId);
  if (!scope.canHandle)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách hoặc quản trị của đơn vị mới nhập sổ hồ sơ của đơn vị mình.
      </Alert>
    );
  return (
    <Stack gap="lg" data-testid="register-import-page">
      <DossierBreadcrumbs current="Nhập sổ hồ sơ" />
      <div>
        <Title order={2}>Nhập sổ theo dõi hồ sơ</Title>
        <Text c="dimmed">
          Đưa sổ theo dõi hồ sơ (Mẫu 06) xuất từ phần mềm một cửa khác (.xlsx, .csv) vào sổ của{' '}
          {scope.unitName}.
        </Text>
      </div>
      <ImportStepper
        active={im.step}
        onStep={im.setStep}
        canGoBack={im.step < 2}
        steps={[
          { label: 'Chọn tệp', content: <RegisterFileStep im={im} /> },
          {
            label: 'Kiểm tra cột và dữ liệu',
            content: im.preview && <RegisterPreviewStep im={im} preview={im.preview} />,
          },
          { label: 'Nhập vào sổ', content: <RegisterCommitStep im={im} /> },
        ]}
      />
    </Stack>
  );
}
