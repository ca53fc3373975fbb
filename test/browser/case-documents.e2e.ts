/// <reference lib="dom" />
/**
 * A caseworker's documents on a case page, at desktop and phone sizes: the empty panel, a refused file
 * (the API's reason shown under the button, nothing stored), a PDF uploaded through the file picker,
 * listed with its type, size and uploader, downloaded byte for byte under its own name, then deleted
 * after a confirmation. The page keeps its headings and landmarks, axe finds nothing serious, and the
 * phone's page is no wider than the phone.
 *
 * Screenshots land in test/browser/screenshots/case-documents-*.png (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import { DESKTOP, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, PHONE, screenshot, signIn, startWebApp } from '../fixtures/browser.js';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
let caseworkerName = '';
/** Two of the caseworker's cases without documents: one per screen size. */
let cases: string[] = [];

/** A small valid PDF saying `text`. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

beforeAll(async () => {
  t = await startWebApp();
  const res = await t.as('caseworker')<{ me: { displayName: string }; allCases: { id: string }[] }>(
    '{ me { displayName } allCases(perPage: 2, sortField: "openedOn", sortOrder: "DESC", filter: { mine: true, open: true }) { id } }',
  );
  expect(res.errors).toBeUndefined();
  caseworkerName = res.data!.me.displayName;
  cases = res.data!.allCases.map((c) => c.id);
  expect(cases).toHaveLength(2);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Chooses a file in the panel's file picker, as a user would (the button opens it). */
async function choose(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload document' }).click()]);
  await chooser.setFiles(file);
}

describe.each([
  ['desktop', DESKTOP, false, 0],
  ['phone', PHONE, true, 1],
] as [string, typeof DESKTOP, boolean, number][])('a caseworker on %s', (name, viewport, isMobile, which) => {
  test('is told why a file is refused, uploads a PDF, downloads it unchanged and deletes it', async () => {
    const caseId = cases[which];
    const statement = pdf(`Statement of the member (${name})`);
    const fileName = `Statement – ${name}.pdf`;
    // the refused upload's 400 is reported by the browser as a failed request
    await inSession(openSession(browser, viewport, { isMobile, expectedConsoleErrors: /status of 400/ }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);
      await page.goto(`${t.url}/#/Cases/${caseId}/show`);
      const panel = page.getByRole('region', { name: 'Documents' });
      await expectVisible(panel.getByText('No documents yet.'));

      // a letter typed as plain text, named .pdf: the API's reason under the button, nothing listed
      await choose(page, { name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dear Sir, I write about the rota.') });
      const refusal = panel.getByRole('alert');
      await expectVisible(refusal);
      await expect(refusal.textContent()).resolves.toMatch(/^This file is not a document type Rollcall recognises .*not a PDF as its name says/);
      await expect(panel.getByTestId('case-document').count()).resolves.toBe(0);
      await screenshot(page, `case-documents-${name}-1-refused`);

      // the PDF: listed with its type, size and who uploaded it; the refusal gone
      await choose(page, { name: fileName, mimeType: 'application/pdf', buffer: statement });
      const row = panel.getByTestId('case-document').filter({ hasText: fileName });
      await expectVisible(row);
      await expectVisible(row.getByText(`PDF · ${statement.length} bytes · ${caseworkerName}`, { exact: false }));
      await expectHidden(refusal);
      await expect(page.getByRole('button', { name: 'Upload document' }).isEnabled()).resolves.toBe(true);

      // downloaded under its own name, byte for byte
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Download ${fileName}` }).click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      const saved = readFileSync((await download.path())!);
      expect(saved.equals(statement)).toBe(true);

      await noProgress(page, '.MuiLinearProgress-root, .MuiSkeleton-root');
      await expect(page.locator('h1').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByRole('main').count()).resolves.toBe(1);
      expect({ page: `${name} case documents`, failing: failing(await axeViolations(page)) }).toEqual({ page: `${name} case documents`, failing: [] });
      if (isMobile) expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `case-documents-${name}-2-listed`);

      // deleted after a confirmation: the panel is empty again, and so is the table
      await row.getByRole('button', { name: `Delete ${fileName}` }).click();
      const confirm = page.getByRole('dialog', { name: `Delete ${fileName}?` });
      await expectVisible(confirm);
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expectVisible(panel.getByText('No documents yet.'));
      expect(await t.sql('SELECT id FROM case_document WHERE case_id = $1', [caseId])).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});
