import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors/errors';
import { MAX_ATTACHMENT_BYTES, checkUploadedFile, contentDisposition, sniffFileType } from './uploads';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PDF = Buffer.from('%PDF-1.7\n');

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).details?.[0]?.code;
  }
  return null;
};

describe('uploaded file checks', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffFileType(PDF)).toBe('application/pdf');
    expect(sniffFileType(JPEG)).toBe('image/jpeg');
    expect(sniffFileType(PNG)).toBe('image/png');
    expect(sniffFileType(Buffer.from('%PD'))).toBeNull();
  });

  it('takes the type from the content, refuses mismatches, empty and oversized files', () => {
    expect(checkUploadedFile({ contentType: 'application/octet-stream', data: PNG })).toBe('image/png');
    expect(checkUploadedFile({ contentType: 'image/jpeg; charset=binary', data: JPEG })).toBe('image/jpeg');
    expect(codeOf(() => checkUploadedFile({ contentType: 'application/pdf', data: PNG }))).toBe('file.type');
    expect(codeOf(() => checkUploadedFile({ contentType: 'application/pdf', data: Buffer.from('hi') }))).toBe(
      'file.type',
    );
    expect(codeOf(() => checkUploadedFile({ contentType: 'image/png', data: Buffer.alloc(0) }))).toBe(
      'file.empty',
    );
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(codeOf(() => checkUploadedFile({ contentType: 'application/pdf', data: big }))).toBe(
      'file.too_large',
    );
  });

  it('encodes the file name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition("签到表 (1)'s.pdf")).toBe(
      `attachment; filename="___ (1)'s.pdf"; filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8%20%281%29%27s.pdf`,
    );
    expect(contentDisposition('a"b.png')).toBe(`attachment; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });
});
