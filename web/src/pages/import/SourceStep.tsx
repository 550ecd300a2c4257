import {
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Textarea,
} from '@mantine/core';
import { IconArrowRight, IconFileText, IconUpload } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/common.js';
import { UploadProgress } from '../../components/ImportStepper.js';
import type { PlanImport } from './usePlanImport.js';

/** Step 1: the unit, the year, and the plan as a file or pasted text. */
export function SourceStep({ im, unitName }: { im: PlanImport; unitName: string }) {
  const s = im.source;
  // Plans are written by the unit itself (a superior reviews them): the user's own unit.
  const unitOptions = [{ value: s.unitId, label: unitName }];
  return (
    <Card withBorder radius="md" padding="lg" mt="md">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Đơn vị"
            description="Kế hoạch do chính đơn vị nhập; đơn vị cấp trên theo dõi."
            data={unitOptions}
            value={s.unitId}
            onChange={(v) => v && s.setUnitId(v)}
            allowDeselect={false}
            disabled={unitOptions.length === 1}
            data-testid="import-unit"
          />
          <NumberInput
            label="Năm kế hoạch"
            description="Để trống: lấy theo tài liệu"
            value={s.year}
            onChange={s.setYear}
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            placeholder="Ví dụ 2026"
          />
        </SimpleGrid>
        <Tabs value={s.sourceTab} onChange={s.setSourceTab}>
          <Tabs.List>
            <Tabs.Tab value="file" leftSection={<IconUpload size={16} />}>
              Tải tệp lên
            </Tabs.Tab>
            <Tabs.Tab value="text" leftSection={<IconFileText size={16} />}>
              Dán văn bản
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="file" pt="md">
            <FileInput
              label="Tệp kế hoạch"
              description="Word (.docx), Markdown (.md) hoặc văn bản (.txt)"
              placeholder="Chọn tệp…"
              accept=".docx,.md,.markdown,.txt"
              value={s.file}
              onChange={s.setFile}
              clearable
              leftSection={<IconUpload size={16} />}
              data-testid="import-file"
            />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="md">
            <Textarea
              label="Nội dung kế hoạch"
              description="Dán toàn bộ kế hoạch, gồm cả Phụ lục 1 (bảng nhiệm vụ) và Phụ lục 2 (chỉ tiêu)."
              value={s.text}
              onChange={(e) => s.setText(e.currentTarget.value)}
              autosize
              minRows={8}
              maxRows={20}
              data-testid="import-text"
            />
          </Tabs.Panel>
        </Tabs>
        {im.read.isError && <ErrorAlert error={im.read.error} title="Không đọc được kế hoạch" />}
        {im.read.isPending && (
          <UploadProgress
            fraction={im.parsing ? 1 : im.progress}
            reading="Đang đọc và phân tích kế hoạch…"
            testId="import-progress"
          />
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => im.read.mutate()}
            disabled={!im.canRead}
            loading={im.read.isPending}
            rightSection={<IconArrowRight size={16} />}
            data-testid="import-read"
          >
            Đọc kế hoạch
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
