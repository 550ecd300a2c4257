import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { dossierApi } from '../../api/dossiers.js';
import type { DossierDetail, StepKind } from '../../api/dossiers.js';
import { DossierBreadcrumbs, DownloadButton } from '../../components/dossier.js';
import { AccessLogCard } from './AccessLogCard.js';
import { ApplicantCard } from './ApplicantCard.js';
import { DocumentsCard } from './DocumentsCard.js';
import { DossierFormsCard } from './DossierFormsCard.js';
import { DossierHeaderCard } from './DossierHeaderCard.js';
import { EventsCard } from './EventsCard.js';
import { FlagsCard } from './FlagsCard.js';
import { HandoversCard } from './HandoversCard.js';
import { RatingLinkModal } from './RatingLinkModal.js';
import { StepModal } from './StepModal.js';
import { STEP_COLORS, STEP_ICONS, STEP_LABELS, stepsFor } from './steps.js';

/** A dossier: its header, what staff may do next, the applicant, the forms and the history. */
export function DossierView({ d }: { d: DossierDetail }) {
  const location = useLocation();
  const justReceived = (location.state as { received?: boolean } | null)?.received === true;
  const [step, setStep] = useState<StepKind | null>(null);
  const [ratingUrl, setRatingUrl] = useState<string | null>(null);
  const steps = d.actions.handle ? stepsFor(d) : [];
  const open = d.endedAt === null;

  return (
    <Stack gap="lg" data-testid="dossier-page" data-status={d.status}>
      <DossierBreadcrumbs current={d.code} />

      {justReceived && d.actions.documents && d.events.length === 1 && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          title="Đã tiếp nhận hồ sơ"
          data-testid="received-alert"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Hồ sơ đã vào sổ với mã <b>{d.code}</b>. In Giấy tiếp nhận hồ sơ và hẹn trả kết quả để giao người
              nộp: mã QR trên giấy dẫn đến trang tra cứu tình trạng hồ sơ.
            </Text>
            <DownloadButton href={dossierApi.formUrl(d.id, 'mau01')} testId="received-mau01">
              Tải Mẫu 01
            </DownloadButton>
          </Stack>
        </Alert>
      )}

      <DossierHeaderCard d={d} onRatingUrl={setRatingUrl} />

      {open && d.apologyRequired && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Cần phiếu xin lỗi"
          data-testid="apology-required"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Hồ sơ {d.late ? 'đã quá hạn' : 'sắp đến hạn'} mà chưa có phiếu xin lỗi và hẹn lại ngày trả kết
              quả (Mẫu 04). Phiếu phải gửi người nộp trước khi hết hạn.
            </Text>
            {steps.includes('apology_issued') && (
              <Button size="xs" color="orange" onClick={() => setStep('apology_issued')}>
                Lập phiếu xin lỗi
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      {steps.length > 0 && (
        <Card withBorder radius="md" padding="md" data-testid="dossier-steps">
          <Title order={3} size="h4" mb="sm">
            Xử lý hồ sơ
          </Title>
          <Group gap="xs">
            {steps.map((k) => (
              <Button
                key={k}
                variant={
                  k === 'resolved' || k === 'returned' || k === 'supplement_received' ? 'filled' : 'light'
                }
                color={STEP_COLORS[k]}
                leftSection={STEP_ICONS[k]}
                onClick={() => setStep(k)}
                data-testid={`step-${k}`}
              >
                {STEP_LABELS[k]}
              </Button>
            ))}
          </Group>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <ApplicantCard d={d} />
          <DocumentsCard d={d} />
        </Stack>
        <Stack gap="lg">
          <FlagsCard d={d} />
          {d.actions.documents && <DossierFormsCard d={d} />}
        </Stack>
      </SimpleGrid>

      <HandoversCard d={d} />
      <EventsCard d={d} />
      {d.actions.handle && <AccessLogCard d={d} />}

      {step && (
        <StepModal d={d} kind={step} onClose={() => setStep(null)} onRatingUrl={(url) => setRatingUrl(url)} />
      )}
      {ratingUrl && <RatingLinkModal url={ratingUrl} onClose={() => setRatingUrl(null)} />}
    </Stack>
  );
}
