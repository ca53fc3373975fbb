import { MAX_CASE_DOCUMENT_BYTES } from '@rollcall/domain';
import { fileTypeFromBuffer } from 'file-type';
import { UserInputError } from '../../common/errors.js';

/** The largest case document accepted (issue 11: "up to 20 MB each"; libs/domain, which the web app reads too). */
export const MAX_DOCUMENT_BYTES = MAX_CASE_DOCUMENT_BYTES;

/** The longest file name kept, in characters (the extension is kept whole). */
export const MAX_FILE_NAME_LENGTH = 200;

interface DocumentType {
  /** What the caseworker is told, with its article ("an Excel workbook"). */
  label: string;
  mimeType: string;
  /** Extensions a name may end in, the canonical one first. */
  extensions: string[];
}

const type = (label: string, mimeType: string, ...extensions: string[]): DocumentType => ({ label, mimeType, extensions });

/**
 * What a case document may be: letters, reports and statements (PDF, Word, ODF), spreadsheets and
 * slides, and photos of paper (JPEG, PNG, HEIC from an iPhone, GIF, WebP). Keyed by file-type's
 * `ext`, except the legacy Office formats (file-type says only "cfb"; see legacyOffice).
 * Left out on purpose: plain text and HTML (no signature to check them by, and HTML runs script
 * if ever shown inline), RTF (rarely written today and a common carrier of Office exploits),
 * macro-enabled Office files, SVG (script), archives and programs.
 */
const ALLOWED: Record<string, DocumentType> = {
  pdf: type('a PDF', 'application/pdf', 'pdf'),
  png: type('a PNG image', 'image/png', 'png'),
  jpg: type('a JPEG image', 'image/jpeg', 'jpg', 'jpeg'),
  gif: type('a GIF image', 'image/gif', 'gif'),
  webp: type('a WebP image', 'image/webp', 'webp'),
  heic: type('a HEIC image', 'image/heic', 'heic', 'heif'),
  docx: type('a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: type('an Excel workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: type('a PowerPoint presentation', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  odt: type('an OpenDocument text', 'application/vnd.oasis.opendocument.text', 'odt'),
  ods: type('an OpenDocument spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  odp: type('an OpenDocument presentation', 'application/vnd.oasis.opendocument.presentation', 'odp'),
  doc: type('a Word 97-2003 document', 'application/msword', 'doc'),
  xls: type('an Excel 97-2003 workbook', 'application/vnd.ms-excel', 'xls'),
  ppt: type('a PowerPoint 97-2003 presentation', 'application/vnd.ms-powerpoint', 'ppt'),
};

/** Every extension a document's name may end in (libs/domain's CASE_DOCUMENT_EXTENSIONS, for the web app's file picker, is the same list). */
export const ALLOWED_DOCUMENT_EXTENSIONS: readonly string[] = Object.values(ALLOWED).flatMap((t) => t.extensions);

/** HEIC/HEIF stills; file-type also says `heic` for image sequences (bursts, animations), which are not letters. */
const HEIF_STILLS = new Set(['image/heic', 'image/heif']);

/** The list the caseworker is shown when a file is refused. */
export const ALLOWED_DOCUMENT_TYPES = 'PDF; Word (.docx, .doc); Excel (.xlsx, .xls); PowerPoint (.pptx, .ppt); OpenDocument (.odt, .ods, .odp); JPEG, PNG, HEIC, GIF or WebP images';

/** How refused types are named to the caseworker (anything else: its MIME type). */
const REFUSED: Record<string, string> = {
  zip: 'a ZIP archive', rar: 'a RAR archive', '7z': 'a 7-Zip archive', gz: 'a gzip archive', tar: 'a tar archive',
  exe: 'a Windows program', elf: 'a Linux program', macho: 'a macOS program', msi: 'a Windows installer', apk: 'an Android app',
  jar: 'a Java program', xpi: 'a browser extension', docm: 'a Word document with macros', xlsm: 'an Excel workbook with macros',
  pptm: 'a PowerPoint presentation with macros', dotm: 'a Word template with macros', xltm: 'an Excel template with macros',
  potm: 'a PowerPoint template with macros', ppsm: 'a PowerPoint show with macros', rtf: 'an RTF document',
  epub: 'an e-book', svg: 'an SVG drawing', xml: 'an XML file', html: 'a web page', mp4: 'a video', mov: 'a video',
  mp3: 'an audio recording', m4a: 'an audio recording', wav: 'an audio recording', bmp: 'a BMP image', tif: 'a TIFF image',
  avif: 'an AVIF image', ps: 'a PostScript file', ai: 'an Illustrator drawing',
};

/**
 * Checks an uploaded case document by its content (never by its name or the browser's word):
 * its size, that it is an allowed type, and that a declared extension agrees with the content.
 * Returns the MIME type to store and serve it with and its canonical extension. Refuses with
 * UserInputError({ file }).
 */
export async function checkDocument(bytes: Buffer, fileName: string): Promise<{ mimeType: string; extension: string }> {
  if (!bytes?.length) throw refuse('is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse(`is ${megabytes(bytes.length)}: the largest document accepted is ${megabytes(MAX_DOCUMENT_BYTES)}`);
  const declared = extensionOf(safeFileName(fileName));
  const detected = await fileTypeFromBuffer(bytes);
  let found: DocumentType | undefined;
  let looksLike: string;
  if (!detected) {
    looksLike = 'is not a document type Rollcall recognises (plain text, or a damaged file?)';
  } else if (detected.ext === 'cfb') {
    found = legacyOffice(bytes);
    looksLike = 'looks like a Microsoft compound file that is not a Word, Excel or PowerPoint document (an installer or an Outlook message, say)';
  } else {
    found = ALLOWED[detected.ext];
    if (detected.ext === 'heic' && !HEIF_STILLS.has(detected.mime)) found = undefined;
    looksLike = `looks like ${REFUSED[detected.ext] ?? `${detected.mime} (.${detected.ext})`}`;
  }
  if (!found) {
    const named = declared && Object.values(ALLOWED).find((t) => t.extensions.includes(declared));
    throw refuse(`${looksLike}${named ? `, not ${named.label} as its name says` : ''}. Allowed: ${ALLOWED_DOCUMENT_TYPES}`);
  }
  if (declared && !found.extensions.includes(declared)) {
    throw refuse(`is ${found.label}, but its name ends in .${declared}: name it .${found.extensions[0]}, or choose the file you meant`);
  }
  const mimeType = detected?.ext === 'heic' ? detected.mime : found.mimeType;
  return { mimeType, extension: found.extensions[0] };
}

/**
 * A file name safe to store and to offer back in a download: the last path segment only, without
 * control or bidirectional-override characters (which can make "cod.exe" read "exe.doc"), without
 * characters Windows forbids, trimmed of spaces and dots, at most MAX_FILE_NAME_LENGTH characters
 * (the extension kept). Never empty: "document" stands in.
 */
export function safeFileName(name: string): string {
  let s = String(name ?? '').normalize('NFC');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(/\s+/gu, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/[<>:"|?*]/g, '_');
  s = s.replace(/^[\s.]+|[\s.]+$/gu, '');
  const chars = Array.from(s);
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const ext = extensionOf(s);
    const tail = ext ? `.${chars.slice(-ext.length).join('')}` : '';
    s = chars.slice(0, MAX_FILE_NAME_LENGTH - tail.length).join('').replace(/[\s.]+$/u, '') + tail;
  }
  return s || 'document';
}

/** The lower-cased extension a name declares ("" when it has none: "Letter from HR" or "J. Smith statement"). */
function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/**
 * Word, Excel and PowerPoint 97-2003 files are compound files, as are installers and Outlook
 * messages: tell them apart by the stream each application writes, found as a directory entry
 * (a 128-byte-aligned, NUL-terminated UTF-16 name, its length, and type 2, a stream).
 */
function legacyOffice(bytes: Buffer): DocumentType | undefined {
  const streams: [string, DocumentType][] = [['WordDocument', ALLOWED.doc], ['Workbook', ALLOWED.xls], ['Book', ALLOWED.xls], ['PowerPoint Document', ALLOWED.ppt]];
  for (const [stream, found] of streams) {
    const name = Buffer.from(`${stream}\0`, 'utf16le');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (at % 128 === 0 && at + 67 <= bytes.length && bytes.readUInt16LE(at + 64) === name.length && bytes[at + 66] === 2) return found;
    }
  }
  return undefined;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
}

function refuse(why: string): UserInputError {
  return new UserInputError({ file: why });
}
