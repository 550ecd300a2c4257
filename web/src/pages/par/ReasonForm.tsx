import { Button } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { PAR_LIMITS } from '../../../../src/shared/par.js';
import { LimitedTextInput } from './LimitedTextInput.js';

/** A text the server wants at least a few letters of (a return reason, an explanation) and the button that sends it. */
export function ReasonForm({
  label,
  initial = '',
  small = false,
  button,
  buttonProps,
  onSend,
}: {
  label: string;
  initial?: string;
  small?: boolean;
  button: string;
  buttonProps?: ButtonProps;
  onSend: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <>
      <LimitedTextInput
        size={small ? 'xs' : undefined}
        aria-label={label}
        placeholder={small ? undefined : label}
        value={text}
        onText={setText}
      />
      <Button
        size={small ? 'compact-xs' : undefined}
        variant="light"
        {...buttonProps}
        disabled={text.trim().length < PAR_LIMITS.reasonMin}
        onClick={() => onSend(text)}
      >
        {button}
      </Button>
    </>
  );
}
