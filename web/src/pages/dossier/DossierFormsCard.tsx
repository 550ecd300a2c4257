import { Card, Stack, Title } from '@mantine/core';
import { dossierApi } from '../../api/dossiers.js';
import type { DossierDetail } from '../../api/dossiers.js';
import { DownloadButton } from '../../components/dossier.js';
import { FORM_LABELS, formsFor } from './steps.js';

/** The forms printed from the dossier (Mẫu 01, 05, and 02–04 once their step was recorded). */
export function DossierFormsCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-forms">
      <Title order={3} size="h4" mb="sm">
        In phiếu
      </Title>
      <Stack gap={6} align="stretch">
        {formsFor(d).map((f) => (
          <DownloadButton
            key={f}
            href={dossierApi.formUrl(d.id, f)}
            variant="light"
            justify="flex-start"
            testId={`form-${f}`}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            h="auto"
            py={6}
          >
            {FORM_LABELS[f]}
          </DownloadButton>
        ))}
      </Stack>
    </Card>
  );
}
