import { AEIOU_HINTS, AEIOU_LABELS, type AeiouStep } from '@rollcall/domain';
import { useState } from 'react';
import { AEIOU_CHOICES } from '../choices';
import { ChipToggleInput } from '../common/ChipToggleInput';

/** The AEIOU steps covered, as toggle chips; the hint of the step last ticked shows below them. */
export const AeiouInput = () => {
  const [last, setLast] = useState<AeiouStep | null>(null);
  return (
    <ChipToggleInput
      source="aeiouSteps"
      label="AEIOU steps covered"
      choices={AEIOU_CHOICES}
      onToggle={(step, on) => setLast(on ? (step as AeiouStep) : null)}
      helperText={
        last
          ? `${AEIOU_LABELS[last]}: ${AEIOU_HINTS[last]}`
          : 'Agitate, Educate, Inoculate, Organise (make the ask), Up (follow up)'
      }
    />
  );
};
