import { Stack } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { useInput, type Validator } from 'react-admin';
import { InputGroup } from './InputGroup';
import { ToggleChip } from './ToggleChip';

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
  /** Focus the first chip once the choices are there (unless the user is already in a field). */
  autoFocus?: boolean;
}

/**
 * Choices as chips that toggle with one tap (a big target on a phone): the value is the list of
 * ticked ids, or with `multiple={false}` the one ticked id. Each chip says whether it is pressed.
 */
export const ChipToggleInput = ({ source, label, choices, multiple = true, helperText, validate, onToggle, autoFocus = false }: ChipToggleInputProps) => {
  const { id, field, fieldState } = useInput({ source, validate, defaultValue: multiple ? [] : null });
  const first = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    const chip = first.current;
    if (!autoFocus || focused.current || !chip) return;
    focused.current = true;
    // Only while nothing in particular has focus (the page, or a dialog's frame around the chips).
    const active = document.activeElement;
    if (!active || active === document.body || (active !== chip && active.contains(chip) && active.getAttribute('tabindex') === '-1')) {
      chip.focus();
    }
  }, [autoFocus, choices.length]);
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
        {choices.map((choice, index) => {
          const on = selected.includes(choice.id);
          if (choice.disabled && !on) return null;
          return (
            <ToggleChip
              key={choice.id}
              ref={index === 0 ? first : undefined}
              label={choice.name}
              selected={on}
              onClick={() => toggle(choice.id)}
              onBlur={field.onBlur}
            />
          );
        })}
      </Stack>
    </InputGroup>
  );
};
