import {
  useGetRecordRepresentation,
  useNotify,
  useRedirect,
  useResourceContext,
  useTranslate,
  type RaRecord,
  type RedirectionSideEffect,
} from 'react-admin';

/** Resources whose record representation already says what it is ("Conversation with Lisa Brown"). */
const SELF_NAMED = new Set(['Conversations', 'Memberships', 'RepRoles']);

/**
 * What a notice calls a record: "Contact Lisa Brown", "Ward A&E", "Conversation with Lisa Brown"
 * (never "Element").
 */
export function useRecordName(resourceProp?: string): (record: RaRecord | undefined) => string {
  const resource = useResourceContext({ resource: resourceProp }) ?? '';
  const translate = useTranslate();
  const represent = useGetRecordRepresentation(resource);
  const singular = translate(`resources.${resource}.name`, { smart_count: 1, _: resource });
  return (record) => {
    const shown = record ? represent(record) : null;
    const text = typeof shown === 'string' || typeof shown === 'number' ? String(shown).trim() : '';
    if (!text || text.startsWith('#')) return singular;
    return SELF_NAMED.has(resource) ? text : `${singular} ${text}`;
  };
}

/**
 * A create or edit page's mutation options: on success, a notice naming what was saved ("Contact
 * Lisa Brown added", "Conversation with Lisa Brown saved"), then the usual redirect.
 */
export function useSaveNotice(done: 'added' | 'saved', redirectTo: RedirectionSideEffect = 'show') {
  const resource = useResourceContext() ?? '';
  const name = useRecordName(resource);
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onSuccess: (record: RaRecord) => {
      notify(`${name(record)} ${done}`, { type: 'success' });
      redirect(redirectTo, resource, record.id, record);
    },
  };
}
