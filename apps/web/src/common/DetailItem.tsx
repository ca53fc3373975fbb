import type { ReactElement } from 'react';
import { LabelledField } from './LabelledField';

/** One labelled value in a details grid: two per row on phones, more on wider screens. */
export const DetailItem = ({ label, children, wide = false }: { label: string; children: ReactElement; wide?: boolean }) => (
  <LabelledField label={label} size={wide ? { xs: 12, sm: 6 } : { xs: 6, sm: 4, md: 2 }}>
    {children}
  </LabelledField>
);
