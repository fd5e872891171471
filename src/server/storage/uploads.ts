import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../core/errors/errors';

/**
 * The checks every uploaded file goes through (case attachments, activity evidence): a raw request
 * body of at most 10 MB, and a PDF, JPEG or PNG whose first bytes say so, whatever the client declares.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Types a file may be stored as. */
export const ALLOWED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];

/** Request content types the raw-body parser accepts (browsers send octet-stream for unknown files). */
export const ATTACHMENT_TYPES = [...ALLOWED_FILE_TYPES, 'application/octet-stream'];

const SIGNATURES: { type: AllowedFileType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type a file's first bytes (magic number) show, or null when it is none of the allowed ones. */
export function sniffFileType(data: Buffer): AllowedFileType | null {
  for (const s of SIGNATURES) {
    if (data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b)) return s.type;
  }
  return null;
}

/**
 * Checks an uploaded file and returns the type to store it as (from its content). Throws a 400 naming
 * `file` when it is empty, too large, not a PDF/JPEG/PNG, or not what its declared content type says.
 */
export function checkUploadedFile(file: { contentType: string; data: Buffer }): AllowedFileType {
  if (file.data.length === 0)
    throw fieldError('file', 'file.empty', { zh: '文件为空', en: 'The file is empty' });
  if (file.data.length > MAX_ATTACHMENT_BYTES)
    throw fieldError('file', 'file.too_large', {
      zh: '文件不能超过 10 MB',
      en: 'The file must not exceed 10 MB',
    });
  const sniffed = sniffFileType(file.data);
  const declared = file.contentType.split(';')[0]!.trim().toLowerCase();
  if (!sniffed || (declared !== 'application/octet-stream' && declared !== sniffed))
    throw fieldError('file', 'file.type', {
      zh: '文件内容不是 PDF、JPEG 或 PNG 格式（或与声明的类型不符）',
      en: 'The file content is not a PDF, JPEG or PNG (or does not match its declared type)',
    });
  return sniffed;
}

/** Lets a route plugin take files as the raw request body (scoped to the plugin that calls it). */
export function acceptRawUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    ATTACHMENT_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );
}

/** The raw body and declared content type of an upload request. */
export function rawUpload(request: FastifyRequest): { contentType: string; data: Buffer } {
  return {
    contentType: (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!,
    data: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

/** `content-disposition` for a download, with the file name RFC 5987-encoded (Chinese file names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 5987 attr-chars exclude ' ( ) * which encodeURIComponent leaves as they are.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
