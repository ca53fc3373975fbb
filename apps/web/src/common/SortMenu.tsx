import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import SortIcon from '@mui/icons-material/Sort';
import { Box, Button, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useListSortContext, useResourceContext, useTranslateLabel } from 'react-admin';

export type SortKind = 'text' | 'number' | 'date';
const WORDS: Record<SortKind, [string, string]> = {
  text: ['A to Z', 'Z to A'],
  number: ['lowest first', 'highest first'],
  date: ['oldest first', 'newest first'],
};

/**
 * A list's sort on a phone, where there are no column headers to tap: "Sort: Density ↓", and a
 * menu of the fields it sorts by (the chosen one again reverses it).
 */
export const SortMenu = ({ fields }: { fields: Record<string, SortKind> }) => {
  const { sort, setSort } = useListSortContext();
  const resource = useResourceContext();
  const translateLabel = useTranslateLabel();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const label = (field: string) => String(translateLabel({ resource, source: field }));
  const words = (field: string, order: string) => WORDS[fields[field] ?? 'text'][order === 'DESC' ? 1 : 0];
  const Arrow = sort.order === 'DESC' ? ArrowDownwardIcon : ArrowUpwardIcon;
  return (
    <Box sx={{ px: 1, pt: 1 }}>
      <Button
        size="small"
        startIcon={<SortIcon />}
        endIcon={<Arrow fontSize="small" />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={!!anchor}
        aria-label={`Sort: ${label(sort.field)}, ${words(sort.field, sort.order)}`}
        data-testid="sort-menu"
      >
        Sort: {label(sort.field)}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {Object.keys(fields).map((field) => {
          const current = sort.field === field;
          const next = current && sort.order === 'ASC' ? 'DESC' : 'ASC';
          return (
            <MenuItem
              key={field}
              selected={current}
              onClick={() => {
                setSort({ field, order: next });
                setAnchor(null);
              }}
            >
              {label(field)}, {words(field, next)}
            </MenuItem>
          );
        })}
      </Menu>
    </Box>
  );
};
