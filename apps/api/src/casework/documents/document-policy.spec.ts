import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASE_DOCUMENT_EXTENSIONS, MAX_CASE_DOCUMENT_BYTES } from '@rollcall/domain';
import { UserInputError } from '../../common/errors.js';
import { ALLOWED_DOCUMENT_EXTENSIONS, ALLOWED_DOCUMENT_TYPES, checkDocument, MAX_DOCUMENT_BYTES, MAX_FILE_NAME_LENGTH, safeFileName } from './document-policy.js';

/** Small real files of each type (see test/fixtures/documents/make.py). */
const FIXTURES = fileURLToPath(new URL('../../../../../test/fixtures/documents/', import.meta.url));
const sample = (file: string) => readFileSync(FIXTURES + file);

/** A HEIC still's opening box, as an iPhone writes it (file-type reads the brand). */
const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic'), Buffer.alloc(64)]);
const heicSequence = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftyphevc'), Buffer.alloc(4), Buffer.from('msf1hevc'), Buffer.alloc(64)]);
/** A Windows program's first bytes: the DOS header (MZ) and stub. */
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(200)]);

/** The field message checkDocument refuses with. */
async function refusal(bytes: Buffer, name: string): Promise<string> {
  try {
    await checkDocument(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    const { code, fields } = (e as UserInputError).extensions as { code: string; fields: Record<string, string> };
    expect(code).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields)).toEqual(['file']);
    return fields.file;
  }
  throw new Error(`${name} was accepted`);
}

describe('checkDocument', () => {
  it.each([
    ['sample.pdf', 'Outcome letter.pdf', 'application/pdf', 'pdf'],
    ['sample.png', 'scan.png', 'image/png', 'png'],
    ['sample.jpg', 'photo of rota.JPG', 'image/jpeg', 'jpg'],
    ['sample.jpg', 'photo.jpeg', 'image/jpeg', 'jpg'],
    ['sample.gif', 'chart.gif', 'image/gif', 'gif'],
    ['sample.webp', 'screenshot.webp', 'image/webp', 'webp'],
    ['sample.docx', 'Statement - J Smith.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['sample.xlsx', 'Absence record.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['sample.pptx', 'Restructure.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
    ['sample.odt', 'letter.odt', 'application/vnd.oasis.opendocument.text', 'odt'],
    ['sample.ods', 'hours.ods', 'application/vnd.oasis.opendocument.spreadsheet', 'ods'],
    ['sample.odp', 'slides.odp', 'application/vnd.oasis.opendocument.presentation', 'odp'],
    ['sample.doc', 'Old policy.doc', 'application/msword', 'doc'],
    ['sample.xls', 'Old rota.xls', 'application/vnd.ms-excel', 'xls'],
    ['sample.ppt', 'Old slides.ppt', 'application/vnd.ms-powerpoint', 'ppt'],
  ])('accepts %s named "%s" as %s', async (file, name, mimeType, extension) => {
    await expect(checkDocument(sample(file), name)).resolves.toEqual({ mimeType, extension });
  });

  it('accepts a HEIC photo, and a file whose name has no extension, by its content', async () => {
    await expect(checkDocument(heic, 'IMG_0042.HEIC')).resolves.toEqual({ mimeType: 'image/heic', extension: 'heic' });
    await expect(checkDocument(heic, 'IMG_0042.heif')).resolves.toEqual({ mimeType: 'image/heic', extension: 'heic' });
    await expect(checkDocument(sample('sample.pdf'), 'Letter from HR')).resolves.toEqual({ mimeType: 'application/pdf', extension: 'pdf' });
    await expect(checkDocument(sample('sample.docx'), 'J. Smith statement')).resolves.toMatchObject({ extension: 'docx' });
  });

  it('refuses an empty file and one over 20 MB, and accepts exactly 20 MB', async () => {
    expect(await refusal(Buffer.alloc(0), 'empty.pdf')).toBe('is empty');
    const pdf = sample('sample.pdf');
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    pdf.copy(big);
    expect(await refusal(big, 'huge.pdf')).toBe('is 20.0 MB: the largest document accepted is 20 MB');
    await expect(checkDocument(big.subarray(0, MAX_DOCUMENT_BYTES), 'just fits.pdf')).resolves.toMatchObject({ extension: 'pdf' });
  });

  it('refuses a ".pdf" that is really a ZIP archive or a program, saying what it looks like and what is allowed', async () => {
    expect(await refusal(sample('sample.zip'), 'letter.pdf')).toBe(`looks like a ZIP archive, not a PDF as its name says. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
    expect(await refusal(exe, 'letter.pdf')).toBe(`looks like a Windows program, not a PDF as its name says. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
    expect(await refusal(exe, 'setup.exe')).toBe(`looks like a Windows program. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
  });

  it('refuses an allowed type whose name claims another', async () => {
    expect(await refusal(sample('sample.png'), 'minutes.pdf')).toBe('is a PNG image, but its name ends in .pdf: name it .png, or choose the file you meant');
    expect(await refusal(sample('sample.docx'), 'statement.doc')).toBe('is a Word document, but its name ends in .doc: name it .docx, or choose the file you meant');
    expect(await refusal(sample('sample.pdf'), 'notes.txt')).toBe('is a PDF, but its name ends in .txt: name it .pdf, or choose the file you meant');
    // A right-to-left override makes "report‮fdp.exe" read "reportexe.pdf": the name is judged as stored.
    expect(await refusal(sample('sample.pdf'), 'report\u202Efdp.exe')).toMatch(/^is a PDF, but its name ends in \.exe/);
  });

  it('refuses macro-enabled Office files, RTF, plain text, image sequences and compound files that are not Office documents', async () => {
    expect(await refusal(sample('sample.docm'), 'statement.docx')).toBe(`looks like a Word document with macros, not a Word document as its name says. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
    expect(await refusal(Buffer.from('{\\rtf1\\ansi Hello}'), 'letter.rtf')).toBe(`looks like an RTF document. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
    expect(await refusal(Buffer.from('Meeting moved to Tuesday.\n'), 'note.txt')).toBe(`is not a document type Rollcall recognises (plain text, or a damaged file?). Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
    expect(await refusal(Buffer.from('<html><script>alert(1)</script></html>'), 'page.pdf')).toMatch(/^is not a document type Rollcall recognises.*, not a PDF as its name says/);
    expect(await refusal(heicSequence, 'burst.heic')).toMatch(/^looks like image\/heic-sequence \(\.heic\), not a HEIC image as its name says/);
    expect(await refusal(sample('installer.msi'), 'policy.doc')).toMatch(/^looks like a Microsoft compound file that is not a Word, Excel or PowerPoint document .*, not a Word 97-2003 document as its name says/);
  });
});

describe('the limits the web app reads (libs/domain)', () => {
  it('are the policy\'s own: the size limit and every extension a document may have', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(MAX_CASE_DOCUMENT_BYTES);
    expect([...CASE_DOCUMENT_EXTENSIONS].sort()).toEqual([...ALLOWED_DOCUMENT_EXTENSIONS].sort());
  });
});

describe('safeFileName', () => {
  it.each([
    ['Statement - J Smith.docx', 'Statement - J Smith.docx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\rep\\Desktop\\Letter.pdf', 'Letter.pdf'],
    ['line\none\r\u0000\u0007.pdf', 'line one .pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['<script>alert(1)</script>.pdf', 'script_.pdf'], // "/" ends a folder name
    ['a<b>c.pdf', 'a_b_c.pdf'],
    ['what? "really": yes|no*.pdf', 'what_ _really__ yes_no_.pdf'],
    ['  .hidden.pdf . ', 'hidden.pdf'],
    ['tabs\tand   spaces.pdf', 'tabs and spaces.pdf'],
    ['Siân’s statement 🙂.docx', 'Siân’s statement 🙂.docx'],
    ['', 'document'],
    ['..', 'document'],
    ['/', 'document'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('caps the length, keeping the extension and never splitting a character', () => {
    const long = safeFileName(`${'a'.repeat(300)}.docx`);
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('a.docx')).toBe(true);
    const emoji = safeFileName(`${'🙂'.repeat(250)}.pdf`);
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith('🙂.pdf')).toBe(true);
    expect(Buffer.from(emoji, 'utf8').toString('utf8')).toBe(emoji); // no half of a surrogate pair left over
  });
});
