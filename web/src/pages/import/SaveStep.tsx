import { Alert, Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import type { PlanDraft, PlanSummary } from '../../api/plan-import.js';
import { ErrorAlert } from '../../components/common.js';
import type { PlanImport } from './usePlanImport.js';

/** Step 3: what will be saved, and how when the unit already has a plan that year. */
export function SaveStep({
  im,
  draft,
  summary,
  unitName,
}: {
  im: PlanImport;
  draft: PlanDraft;
  summary: PlanSummary;
  unitName: string;
}) {
  const { existing } = im;
  return (
    <Card withBorder radius="md" padding="lg" mt="md">
      <Stack>
        <Text>
          Sẽ lưu: <b>{draft.title ?? `Kế hoạch cải cách hành chính năm ${draft.year ?? ''}`}</b>
          {draft.number ? ` (số ${draft.number})` : ''} của <b>{unitName}</b>, năm <b>{draft.year}</b>:{' '}
          {summary.tasks} nhiệm vụ, {summary.areas.length} lĩnh vực, {summary.sectionTargets} chỉ tiêu mục II,{' '}
          {summary.appendixLeafTargets} chỉ tiêu Phụ lục 2.
        </Text>
        {existing ? (
          <>
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title="Đơn vị đã có kế hoạch năm này"
            >
              {existing.title}
              {existing.number ? ` (số ${existing.number})` : ''}
              {existing.version > 1 ? `, phiên bản ${existing.version}` : ''}. Hãy chọn cách lưu:
            </Alert>
            <Radio.Group
              value={im.mode}
              onChange={(v) => im.setMode(v)}
              label="Cách lưu"
              required
              data-testid="import-mode"
            >
              <Stack gap="sm" mt="xs">
                <Radio
                  value="replace"
                  label="Thay thế kế hoạch hiện có (giữ tiến độ các nhiệm vụ trùng)"
                  description="Nhiệm vụ trùng số thứ tự hoặc nội dung giữ trạng thái, phân công và minh chứng; nhiệm vụ không còn trong kế hoạch mới được đánh dấu đã bỏ."
                />
                <Radio
                  value="new_version"
                  label="Lưu thành phiên bản mới"
                  description="Kế hoạch hiện có được giữ lại làm phiên bản cũ; phiên bản mới được áp dụng."
                />
              </Stack>
            </Radio.Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Đơn vị chưa có kế hoạch năm {draft.year}: kế hoạch sẽ được tạo mới.
          </Text>
        )}
        {im.save.isError && <ErrorAlert error={im.save.error} title="Không lưu được kế hoạch" />}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => im.setStep(1)}>
            Quay lại
          </Button>
          <Button
            onClick={() => im.save.mutate()}
            loading={im.save.isPending}
            disabled={existing !== null && im.mode === null}
            leftSection={<IconDeviceFloppy size={16} />}
            data-testid="import-save"
          >
            Lưu kế hoạch
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
