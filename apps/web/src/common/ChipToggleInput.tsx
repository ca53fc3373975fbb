import { Chip, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useInput, type Validator } from 'react-admin';
import { InputGroup } from './InputGroup';

export interface ChipChoice {
  id: string;
  name: string;
  /** Shown, but not offered for a new pick (e.g. a retired issue tag the record already has). */
  disabled?: boolean;
}

interface ChipToggleInputProps {
  source: string;
  label: string;
  choices: readonly ChipChoice[];
  /** Several at once (a list value) or one (a single value; tapping it again clears it). */
  multiple?: boolean;
  /** Helper text, which may depend on the value (e.g. the hint of the step just ticked). */
  helperText?: ReactNode | ((value: unknown) => ReactNode);
  validate?: Validator | Validator[];
  /** Called with the choice tapped, after the value changed. */
  onToggle?: (id: string, selected: boolean) => void;
}

/**
 * Choices as chips that toggle with one tap (a big target on a phone): the value is the list of
 * ticked ids, or with `multiple={false}` the one ticked id. Each chip says whether it is pressed.
 */
export const ChipToggleInput = ({ source, label, choices, multiple = true, helperText, validate, onToggle }: ChipToggleInputProps) => {
  const { id, field, fieldState } = useInput({ source, validate, defaultValue: multiple ? [] : null });
  const selected: string[] = multiple ? ((field.value as string[] | null) ?? []) : field.value ? [field.value as string] : [];
  const toggle = (choice: string) => {
    const on = !selected.includes(choice);
    if (multiple) field.onChange(on ? [...selected, choice] : selected.filter((s) => s !== choice));
    else field.onChange(on ? choice : null);
    onToggle?.(choice, on);
  };
  const helper = typeof helperText === 'function' ? helperText(field.value) : helperText;
  return (
    <InputGroup label={label} id={id} error={fieldState.error?.message} helperText={helper}>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
        {choices.map((choice) => {
          const on = selected.includes(choice.id);
          if (choice.disabled && !on) return null;
          return (
            <Chip
              key={choice.id}
              label={choice.name}
              role="button"
              aria-pressed={on}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(choice.id)}
              onBlur={field.onBlur}
              sx={{ minHeight: 36, fontSize: '0.9rem', '& .MuiChip-label': { px: 1.5 } }}
            />
          );
        })}
      </Stack>
    </InputGroup>
  );
};
