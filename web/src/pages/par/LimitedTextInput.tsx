import { TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { PAR_LIMITS } from '../../../../src/shared/par.js';

/** A PAR text field (note, reason, explanation): the shared length limit, its value as a string. */
export function LimitedTextInput({
  onText,
  ...props
}: Omit<TextInputProps, 'onChange'> & { value: string; onText: (v: string) => void }) {
  return <TextInput maxLength={PAR_LIMITS.text} {...props} onChange={(e) => onText(e.currentTarget.value)} />;
}
