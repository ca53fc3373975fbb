import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import ShieldIcon from '@mui/icons-material/Shield';
import StarIcon from '@mui/icons-material/Star';
import { Box, Link, Typography } from '@mui/material';
import { isAssessment } from '@rollcall/domain';
import type { ReactNode } from 'react';
import { LinkBase, useCreatePath } from 'react-admin';
import { GRADE_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { formatDay } from '../common/dates';
import { ASSESSMENT_COLOURS, assessmentText } from '../organising/assessmentStyle';
import { LogConversationButton } from '../quickLog/LogConversationButton';
import type { WallChartCardData } from './wallChartTypes';

const nameOf = (choices: { id: string; name: string }[], id: string | null) => (id ? (choices.find((c) => c.id === id)?.name ?? id) : null);

/** A mark on a card: an icon and its word (never colour alone). */
const Mark = ({ icon, children, tone }: { icon: ReactNode; children: ReactNode; tone: { bg: string; fg: string } }) => (
  <Box
    component="li"
    sx={{
      display: 'inline-flex', alignItems: 'center', gap: 0.25, px: 0.75, py: 0.125, borderRadius: 1, fontSize: '0.75rem', lineHeight: 1.5,
      bgcolor: tone.bg, color: tone.fg, border: '1px solid', borderColor: 'rgba(0,0,0,0.12)', '& svg': { fontSize: '0.95rem' },
    }}
  >
    {icon}
    {children}
  </Box>
);

const TONES = {
  member: { bg: '#e8f5ec', fg: '#00401e' },
  nonMember: { bg: '#ffffff', fg: '#4c6272' },
  leader: { bg: '#fff4d6', fg: '#5c3d00' },
  rep: { bg: '#e6eef8', fg: '#003087' },
  never: { bg: '#fde8e6', fg: '#8a1538' },
};

/**
 * One person on the wall chart: a band in their assessment's colour (with the assessment in words),
 * their job, and marks for member or not (and of which unions), leader, rep and never spoken to. The
 * name opens the person; the button beside it logs a conversation with one tap.
 */
export const WallChartCard = ({ card, wardName }: { card: WallChartCardData; wardName: string }) => {
  const createPath = useCreatePath();
  const colour = isAssessment(card.assessment) ? ASSESSMENT_COLOURS[card.assessment] : null;
  const job = [card.jobTitle, nameOf(STAFF_GROUP_CHOICES, card.staffGroup), nameOf(GRADE_CHOICES, card.grade)].filter(Boolean).join(' · ');
  const titleId = `wallchart-card-${card.id}`;
  return (
    <Box
      component="article"
      aria-labelledby={titleId}
      data-testid="wallchart-card"
      data-assessment={card.assessment ?? 'none'}
      className="wallchart-card"
      sx={{
        position: 'relative', bgcolor: 'background.paper', borderRadius: 1, overflow: 'hidden',
        border: '1px solid', borderColor: colour ? colour.bg : 'grey.500', borderStyle: colour ? 'solid' : 'dashed',
        '&:hover': { boxShadow: 2 }, '&:has(a:focus-visible)': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Box
        className="wallchart-card-band"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1, py: 0.25, bgcolor: colour?.bg ?? 'grey.100', color: colour?.fg ?? 'text.primary' }}
      >
        <Typography id={titleId} component="h4" variant="body2" sx={{ fontWeight: 700, flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          <Link
            component={LinkBase}
            to={createPath({ resource: 'Contacts', type: 'show', id: card.contactId })}
            color="inherit"
            underline="hover"
            sx={{ '&::after': { content: '""', position: 'absolute', inset: 0 }, '&:focus-visible': { outline: 'none' } }}
          >
            {card.fullName}
          </Link>
        </Typography>
        <Typography component="span" variant="caption" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="wallchart-assessment">
          {assessmentText(card.assessment)}
        </Typography>
      </Box>
      <Box sx={{ px: 1, py: 0.5 }}>
        {job && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ lineHeight: 1.3 }}>
            {job}
          </Typography>
        )}
        <Box component="ul" aria-label="Marks" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
          {card.member ? (
            <Mark icon={<CheckCircleIcon aria-hidden />} tone={TONES.member}>
              Member{card.unions.length ? ` (${card.unions.map((u) => u.shortName).join(', ')})` : ''}
            </Mark>
          ) : (
            <Mark icon={<RadioButtonUncheckedIcon aria-hidden />} tone={TONES.nonMember}>
              Non-member{card.unions.length ? ` (${card.unions.map((u) => u.shortName).join(', ')})` : ''}
            </Mark>
          )}
          {card.leader && <Mark icon={<StarIcon aria-hidden sx={{ color: '#d18b00' }} />} tone={TONES.leader}>Leader</Mark>}
          {card.rep && <Mark icon={<ShieldIcon aria-hidden />} tone={TONES.rep}>Rep</Mark>}
          {card.neverSpokenTo && <Mark icon={<ChatBubbleOutlineIcon aria-hidden />} tone={TONES.never}>Never spoken to</Mark>}
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', mt: 0.25, minHeight: 28 }}>
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
            {card.lastConversationAt ? `Last spoken to ${formatDay(card.lastConversationAt)}` : ''}
          </Typography>
          <Box className="wallchart-no-print" sx={{ position: 'relative', zIndex: 1, '& .MuiIconButton-root': { p: 0.5 } }}>
            <LogConversationButton person={{ id: card.contactId, fullName: card.fullName, wardName }} iconOnly />
          </Box>
        </Box>
      </Box>
    </Box>
  );
};

