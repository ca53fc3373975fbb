import { useEffect } from 'react';
import { useLocation, useResourceDefinitions, useTranslate } from 'react-admin';

/** The app's pages that are not resources, by their first path segment. */
export const SECTIONS: Record<string, string> = {
  patch: 'My patch',
  coverage: 'Rep coverage',
  'wall-chart': 'Wall chart',
  'change-password': 'Change password',
};

const APP = 'Rollcall';

/** "A&E · My patch · Rollcall": the page's title, the part of the app it is in (when deeper), the app. */
export function documentTitle(page: string, section: string): string {
  const parts = [page, section].map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...parts.filter((p, i) => parts.indexOf(p) === i && p !== APP), APP].join(' · ');
}

/**
 * Names the browser tab after the page: the title the page shows in the app bar (react-admin's
 * `<Title>`, watched as it loads), then the section for a page inside one ("Lisa Brown · Contacts ·
 * Rollcall"), so tabs, history and screen readers say where you are.
 */
export const DocumentTitle = () => {
  const { pathname } = useLocation();
  const resources = useResourceDefinitions();
  const translate = useTranslate();
  const [segment = '', ...rest] = pathname.split('/').filter(Boolean);
  const section = rest.length === 0
    ? ''
    : resources[segment]
      ? translate(`resources.${segment}.name`, { smart_count: 2, _: (resources[segment].options?.label as string | undefined) ?? segment })
      : (SECTIONS[segment] ?? '');

  useEffect(() => {
    const title = document.getElementById('react-admin-title');
    const update = () => {
      document.title = documentTitle(title?.textContent ?? '', section);
    };
    update();
    if (!title) return undefined;
    const observer = new MutationObserver(update);
    observer.observe(title, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [section]);
  return null;
};
