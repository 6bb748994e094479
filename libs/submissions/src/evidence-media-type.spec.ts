import { detectEvidenceType, EVIDENCE_FILE_TYPES } from './evidence-media-type';

const zipWith = (name: string): Buffer =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    Buffer.from(`[Content_Types].xml ${name}document.xml`),
  ]);

describe('evidence type by content', () => {
  it('recognises PDF, images, office documents and CSV by their bytes', () => {
    expect(detectEvidenceType(Buffer.from('%PDF-1.7\n...'), 'x.bin')?.mediaType).toBe('application/pdf');
    expect(detectEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'x')?.mediaType).toBe(
      'image/png',
    );
    expect(detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'x')?.mediaType).toBe('image/jpeg');
    expect(detectEvidenceType(zipWith('word/'), 'ley.docx')?.extension).toBe('docx');
    expect(detectEvidenceType(zipWith('xl/'), 'datos.xlsx')?.extension).toBe('xlsx');
    expect(detectEvidenceType(Buffer.from('año,casos\n2024,12\n'), 'casos.csv')?.mediaType).toBe('text/csv');
  });

  it('refuses what it cannot vouch for, whatever the name says', () => {
    expect(detectEvidenceType(Buffer.from('MZ\x90\x00executable'), 'report.pdf')).toBeNull();
    expect(detectEvidenceType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'archive.docx')).toBeNull();
    expect(detectEvidenceType(Buffer.from('a,b\n'), 'notes.txt')).toBeNull();
    expect(detectEvidenceType(Buffer.from([0x61, 0, 0x62]), 'data.csv')).toBeNull();
    expect(detectEvidenceType(Buffer.from('<script>alert(1)</script>'), 'x.html')).toBeNull();
  });
});

describe('EVIDENCE_FILE_TYPES, what clients check before sending', () => {
  it('names every type the content check can accept, with the extension it gives', () => {
    const samples: Array<[Buffer, string]> = [
      [Buffer.from('%PDF-1.7\n'), 'a.pdf'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a.jpg'],
      [Buffer.from('GIF89a'), 'a.gif'],
      [Buffer.from([0x49, 0x49, 0x2a, 0x00]), 'a.tif'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls'],
      [Buffer.from('year,count\n2025,3\n'), 'a.csv'],
    ];
    for (const [bytes, name] of samples) {
      const detected = detectEvidenceType(bytes, name);
      const listed = EVIDENCE_FILE_TYPES.find((t) => t.mediaType === detected?.mediaType);
      expect([name, listed?.extensions.includes(detected?.extension ?? '')]).toEqual([name, true]);
    }
  });
});
