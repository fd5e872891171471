/**
 * A plan text file's content. Offices save .txt as UTF-8 or as GBK/GB18030 (Windows Notepad's
 * "ANSI" on Chinese systems): UTF-8 is tried strictly first, then GB18030 (a superset of GBK).
 */
export async function readTextFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
