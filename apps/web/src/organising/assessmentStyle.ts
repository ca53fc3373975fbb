import { ASSESSMENT_LABELS, type Assessment, isAssessment, NOT_ASSESSED_LABEL } from '@rollcall/domain';

/**
 * Colours of the 1–5 scale (NHS palette): greens for leaders and supporters, grey, then warm to red;
 * each with its text at 4.5:1 or more (NHS dark green for supporters: NHS green is 3.9:1 under white).
 */
export const ASSESSMENT_COLOURS: Record<Assessment, { bg: string; fg: string }> = {
  1: { bg: '#006747', fg: '#ffffff' },
  2: { bg: '#007f3b', fg: '#ffffff' },
  3: { bg: '#425563', fg: '#ffffff' },
  4: { bg: '#ffb81c', fg: '#212b32' },
  5: { bg: '#d5281b', fg: '#ffffff' },
};

/** "2 · Supporter", or "Not assessed". */
export function assessmentText(value: unknown): string {
  return isAssessment(value) ? `${value} · ${ASSESSMENT_LABELS[value]}` : NOT_ASSESSED_LABEL;
}
