import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { apiPostRaw, setCsrfToken } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiPostRaw', () => {
  it('posts the file as the raw body with its type, the query and the CSRF header', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 1 }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    const file = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: 'application/pdf' });
    const out = await apiPostRaw<{ id: number }>('/api/activities/1/evidence', file, {
      query: { fileName: '签到表.pdf' },
    });
    expect(out).toEqual({ id: 1 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/activities/1/evidence?fileName=${encodeURIComponent('签到表.pdf')}`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-csrf-token': 'token-1' });
  });

  it('sends octet-stream for a file of unknown type and turns an error answer into an ApiError', async () => {
    const body = {
      error: {
        code: 'validation',
        message: { zh: '输入有误', en: 'Invalid input' },
        details: [{ path: 'file', code: 'file.type', message: { zh: '不是 PDF', en: 'Not a PDF' } }],
      },
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 400 }));
    vi.stubGlobal('fetch', fetchMock);
    const error = await apiPostRaw('/api/x', new Blob(['text'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details[0]?.code).toBe('file.type');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'content-type': 'application/octet-stream' });
  });
});
