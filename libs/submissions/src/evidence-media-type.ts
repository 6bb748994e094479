/** What an evidence file is, judged by its content (the declared type and name are not trusted). */
export interface DetectedMediaType {
  mediaType: string;
  extension: string;
}

/**
 * The kinds of file accepted as evidence, with the names they usually carry: what a client may
 * check before sending (and offer in its file chooser). The content still decides.
 */
export const EVIDENCE_FILE_TYPES: ReadonlyArray<{ mediaType: string; extensions: readonly string[] }> = [
  { mediaType: 'application/pdf', extensions: ['pdf'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  { mediaType: 'application/msword', extensions: ['doc'] },
  { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
  { mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
  { mediaType: 'image/png', extensions: ['png'] },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mediaType: 'image/gif', extensions: ['gif'] },
  { mediaType: 'image/webp', extensions: ['webp'] },
  { mediaType: 'image/tiff', extensions: ['tif', 'tiff'] },
  { mediaType: 'text/csv', extensions: ['csv'] },
];

const startsWith = (buf: Buffer, bytes: number[], offset = 0): boolean =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

const OOXML: Array<[string, DetectedMediaType]> = [
  [
    'word/',
    { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  ],
  ['xl/', { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' }],
  [
    'ppt/',
    { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
  ],
];
const ODF: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** A zip is an office document only when its entries say so (OOXML parts, or ODF's `mimetype` entry). */
function officeZip(buf: Buffer): DetectedMediaType | null {
  // ODF stores "mimetype" uncompressed as the first entry: its content follows the 30-byte header + name.
  if (buf.subarray(30, 38).toString('latin1') === 'mimetype') {
    const declared = buf.subarray(38, 38 + 60).toString('latin1');
    for (const [type, extension] of Object.entries(ODF))
      if (declared.startsWith(type)) return { mediaType: type, extension };
  }
  if (buf.indexOf('[Content_Types].xml', 0, 'latin1') < 0) return null;
  for (const [prefix, type] of OOXML) if (buf.indexOf(Buffer.from(prefix, 'latin1')) >= 0) return type;
  return null;
}

/** Text with no NUL bytes that decodes as UTF-8: accepted as CSV only when named .csv. */
function isUtf8Text(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** PDF, office documents (OOXML, ODF, legacy OLE2), images (PNG, JPEG, GIF, WebP, TIFF) and CSV; null for anything else. */
export function detectEvidenceType(buf: Buffer, filename: string): DetectedMediaType | null {
  if (startsWith(buf, ascii('%PDF-'))) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a')))
    return { mediaType: 'image/gif', extension: 'gif' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8))
    return { mediaType: 'image/webp', extension: 'webp' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a]))
    return { mediaType: 'image/tiff', extension: 'tiff' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return officeZip(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = /\.(doc|xls|ppt)$/i.exec(filename)?.[1]?.toLowerCase();
    const types: Record<string, string> = {
      doc: 'application/msword',
      xls: 'application/vnd.ms-excel',
      ppt: 'application/vnd.ms-powerpoint',
    };
    return ext ? { mediaType: types[ext], extension: ext } : null;
  }
  if (/\.csv$/i.test(filename) && buf.length > 0 && isUtf8Text(buf)) return { mediaType: 'text/csv', extension: 'csv' };
  return null;
}
