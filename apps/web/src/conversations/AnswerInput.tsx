import { ASK_ANSWER_LABELS, AskAnswer } from '@rollcall/domain';
import { SegmentedInput, type SegmentChoice } from '../common/SegmentedInput';

const CHOICES: SegmentChoice<AskAnswer>[] = [AskAnswer.YES, AskAnswer.MAYBE, AskAnswer.NO].map((a) => ({
  id: a,
  content: ASK_ANSWER_LABELS[a],
}));

/** Their answer to the ask: Yes, Maybe or No. */
export const AnswerInput = () => <SegmentedInput<AskAnswer> source="answer" label="Their answer" choices={CHOICES} />;
