import type { ErrorDetail } from '../../../core/errors/errors';

export interface ImportProblem {
  key: string;
  /** Line of the file (1 = header), when the server named one. */
  row: number | null;
  column: string | null;
  code: string;
  detail: ErrorDetail;
}

/** Reads import error paths of the form `csv!12:区划代码` (line 12, column 区划代码) or `csv!1`. */
export function toImportProblems(details: readonly ErrorDetail[]): ImportProblem[] {
  return details.map((detail, i) => {
    const match = /^[^!]*!(\d+)(?::(.+))?$/.exec(detail.path);
    return {
      key: `${i}:${detail.path}`,
      row: match?.[1] ? Number(match[1]) : null,
      column: match?.[2] ?? null,
      code: detail.code,
      detail,
    };
  });
}

/**
 * Decodes an uploaded CSV: UTF-8 when it is valid UTF-8, otherwise GB18030 — what Excel on a
 * Chinese Windows writes when saving "CSV".
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
