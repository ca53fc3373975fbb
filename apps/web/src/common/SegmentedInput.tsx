import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { ReactNode } from 'react';
import { useInput, type Validator } from 'react-admin';
import { InputGroup } from './InputGroup';

export interface SegmentChoice<T extends string | number> {
  id: T;
  /** The button's content (e.g. a number over a word). */
  content: ReactNode;
  /**
   * Its accessible name, only when the content's own text would not do: a name that differs from
   * the visible words fails WCAG 2.5.3 (Label in Name), so plain words need none.
   */
  name?: string;
}

interface SegmentedInputProps<T extends string | number> {
  source: string;
  label: string;
  choices: readonly SegmentChoice<T>[];
  helperText?: ReactNode | ((value: T | null) => ReactNode);
  validate?: Validator | Validator[];
}

/** One of a few values as a row of buttons, one tap each; tapping the chosen one again clears it. */
export function SegmentedInput<T extends string | number>({ source, label, choices, helperText, validate }: SegmentedInputProps<T>) {
  const { id, field, fieldState } = useInput({ source, validate, defaultValue: null });
  const value = (field.value ?? null) as T | null;
  const helper = typeof helperText === 'function' ? helperText(value) : helperText;
  return (
    <InputGroup label={label} id={id} error={fieldState.error?.message} helperText={helper}>
      <ToggleButtonGroup
        exclusive
        fullWidth
        color="primary"
        value={value}
        onChange={(_event, next: T | null) => field.onChange(next)}
        onBlur={field.onBlur}
        aria-labelledby={`${id}-label`}
        sx={{
          '& .MuiToggleButton-root': { px: 0.5, py: 0.75, minHeight: 44, lineHeight: 1.2, textTransform: 'none', minWidth: 0, fontSize: '0.95rem' },
          // The chosen one filled, as a selected chip is: never pale like a disabled button.
          '& .MuiToggleButton-root.Mui-selected, & .MuiToggleButton-root.Mui-selected:hover': {
            bgcolor: 'primary.main', color: 'primary.contrastText', borderColor: 'primary.main',
          },
        }}
      >
        {choices.map((choice) => (
          <ToggleButton key={String(choice.id)} value={choice.id} aria-label={choice.name} data-testid="segment">
            {choice.content}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </InputGroup>
  );
}
