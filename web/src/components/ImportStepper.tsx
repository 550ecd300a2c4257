/**
 * The steps every import page walks through — choose a file, check the preview and its row report,
 * save with progress, see the result — as one stepper: on a narrow screen the step's name is
 * written above it, and a finished step can be opened again (never a later one).
 */
import { Group, Loader, Paper, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface ImportStep {
  label: string;
  description?: string;
  content: ReactNode;
}

export function ImportStepper({
  steps,
  active,
  onStep,
  canGoBack = true,
  testId,
}: {
  steps: ImportStep[];
  active: number;
  onStep: (step: number) => void;
  /** False while going back would lose work (during and after the commit). */
  canGoBack?: boolean;
  testId?: string;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <>
      {narrow && (
        <Text fw={600} size="sm" c="blue">
          Bước {active + 1}/{steps.length}: {steps[active]?.label}
        </Text>
      )}
      <Stepper
        active={active}
        onStepClick={(s) => s < active && canGoBack && onStep(s)}
        allowNextStepsSelect={false}
        size={narrow ? 'xs' : 'sm'}
        data-testid={testId}
      >
        {steps.map((s) => (
          <Stepper.Step
            key={s.label}
            label={narrow ? undefined : s.label}
            description={narrow ? undefined : s.description}
            aria-label={s.label}
          >
            {s.content}
          </Stepper.Step>
        ))}
      </Stepper>
    </>
  );
}

/** A file going up (its percentage), then the server at work on it (`reading`). */
export function UploadProgress({
  fraction,
  reading,
  testId,
}: {
  fraction: number;
  reading: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-live="polite" data-testid={testId}>
      {fraction >= 1 ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{reading}</Text>
        </Group>
      ) : (
        <Stack gap={6}>
          <Text size="sm">Đang tải tệp lên… {Math.round(fraction * 100)}%</Text>
          <Progress value={Math.round(fraction * 100)} animated />
        </Stack>
      )}
    </Paper>
  );
}
