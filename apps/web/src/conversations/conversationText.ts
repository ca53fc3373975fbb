import { ASK_ANSWER_LABELS, CONVERSATION_CHANNEL_LABELS, CONVERSATION_TYPE_LABELS } from '@rollcall/domain';
import { labelOf } from '../choices';

export interface ConversationRecord {
  id: string;
  contactId: string;
  contact?: { id: string; fullName: string; ward?: { name: string; site?: { name: string } | null } | null } | null;
  repName?: string | null;
  occurredAt: string;
  channel: string;
  type: string;
  ask?: string | null;
  answer?: string | null;
  nextStep?: string | null;
  followUpDate?: string | null;
  followUpState?: string | null;
  daysOverdue?: number;
  assessment?: number | null;
  /** Whether the signed-in user may change or delete it (the API decides: whoever logged it, or the branch's officers). */
  mayChange?: boolean;
}

/** "One-to-one · in person" */
export function howText(c: Pick<ConversationRecord, 'channel' | 'type'>): string {
  return `${labelOf(CONVERSATION_TYPE_LABELS, c.type)} · ${labelOf(CONVERSATION_CHANNEL_LABELS, c.channel).toLowerCase()}`;
}

/** "Join the union? Yes" */
export function askText(c: Pick<ConversationRecord, 'ask' | 'answer'>): string {
  if (!c.ask && !c.answer) return '';
  return [c.ask, c.answer ? labelOf(ASK_ANSWER_LABELS, c.answer) : null].filter(Boolean).join(c.ask ? '? ' : '');
}
