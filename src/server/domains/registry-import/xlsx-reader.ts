import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * A small streaming reader for one worksheet of an .xlsx file: rows as 1-based value arrays (numbers,
 * strings, booleans), never the whole sheet in memory.
 *
 * Why not exceljs's WorkbookReader: it decodes each compressed chunk to text on its own and so splits
 * multi-byte UTF-8 characters that straddle a chunk boundary — Chinese names turn into "�" about once
 * every few thousand rows (exceljs issues #2063, #2084, #2316; fixes #1665, #2081 unmerged). Here one
 * TextDecoder per stream keeps partial characters between chunks. It reads the zip's central directory
 * first, so shared strings are loaded before the sheet whatever the entry order.
 */

// unzipper and saxes come with exceljs (declared in its package.json, present in the lockfile).
const require = createRequire(import.meta.url);
interface ZipFile {
  path: string;
  stream(): Readable;
}
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipFile[] }> } };

export interface SheetRow {
  number: number;
  /** values[i] is column i (1-based, A = 1), as exceljs gives them. */
  values: unknown[];
}

type SaxEvent = ['open', SaxesTagPlain] | ['text', string] | ['close', string];

/** SAX events of a zip entry, one array per decompressed chunk (an async step per event would dominate). */
async function* saxEvents(stream: Readable): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let queue: SaxEvent[] = [];
  let error: Error | null = null;
  parser.on('opentag', (t) => queue.push(['open', t as SaxesTagPlain]));
  parser.on('text', (t) => queue.push(['text', t]));
  parser.on('closetag', (t) => queue.push(['close', t.name]));
  parser.on('error', (e) => (error = e));
  for await (const chunk of stream) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    if (error) throw error;
    const out = queue;
    queue = [];
    yield out;
  }
  parser.write(decoder.decode());
  parser.close();
  yield queue;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

async function readAll(file: ZipFile): Promise<SaxEvent[]> {
  const out: SaxEvent[] = [];
  for await (const batch of saxEvents(file.stream())) out.push(...batch);
  return out;
}

/** Column number of a cell reference ("B12" → 2). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** The names of the sheets and the zip path of each. */
async function sheets(files: ZipFile[]): Promise<{ name: string; path: string }[]> {
  const wb = files.find((f) => f.path === 'xl/workbook.xml');
  const rels = files.find((f) => f.path === 'xl/_rels/workbook.xml.rels');
  if (!wb) throw new Error('xlsx: no workbook');
  const targets = new Map<string, string>();
  if (rels) {
    for (const [kind, v] of await readAll(rels)) {
      if (kind === 'open' && local(v.name) === 'Relationship') {
        const target = String(v.attributes.Target ?? '');
        targets.set(String(v.attributes.Id), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
    }
  }
  const out: { name: string; path: string }[] = [];
  for (const [kind, v] of await readAll(wb)) {
    if (kind === 'open' && local(v.name) === 'sheet') {
      const rid = Object.entries(v.attributes).find(([k]) => local(k) === 'id')?.[1];
      const path = targets.get(String(rid)) ?? `xl/worksheets/sheet${out.length + 1}.xml`;
      out.push({ name: String(v.attributes.name), path });
    }
  }
  return out;
}

async function sharedStrings(files: ZipFile[]): Promise<string[]> {
  const f = files.find((x) => x.path === 'xl/sharedStrings.xml');
  if (!f) return [];
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  for await (const batch of saxEvents(f.stream()))
    for (const [kind, v] of batch) {
      if (kind === 'open') {
        const n = local(v.name);
        if (n === 'si') current = [];
        else if (n === 'rPh') phonetic += 1;
        else if (n === 't' && phonetic === 0) inT = true;
      } else if (kind === 'text') {
        if (inT && current) current.push(v);
      } else {
        const n = local(v);
        if (n === 't') inT = false;
        else if (n === 'rPh') phonetic -= 1;
        else if (n === 'si' && current) {
          out.push(current.join(''));
          current = null;
        }
      }
    }
  return out;
}

/** Streams the rows of the sheet named `preferred` (else the first sheet). */
export async function* readSheetRows(
  file: string,
  preferred?: string,
): AsyncGenerator<{ sheet: string; row: SheetRow }> {
  const dir = await unzipper.Open.file(file);
  const list = await sheets(dir.files);
  const target = list.find((s) => s.name === preferred) ?? list[0];
  if (!target) return;
  const entry = dir.files.find((f) => f.path === target.path);
  if (!entry) throw new Error('xlsx: sheet part missing');
  const sst = await sharedStrings(dir.files);
  let row: SheetRow | null = null;
  let col = 0;
  let type = 'n';
  let text: string[] = [];
  let collecting = false;
  let nextRow = 1;
  for await (const batch of saxEvents(entry.stream())) {
    const done: { sheet: string; row: SheetRow }[] = [];
    for (const [kind, v] of batch) {
      if (kind === 'open') {
        const n = local(v.name);
        if (n === 'row') {
          const r = Number(v.attributes.r);
          row = { number: Number.isFinite(r) && r > 0 ? r : nextRow, values: [] };
          nextRow = row.number + 1;
          col = 0;
        } else if (n === 'c') {
          const ref = String(v.attributes.r ?? '');
          col = ref ? columnOf(ref) : col + 1;
          type = String(v.attributes.t ?? 'n');
          text = [];
        } else if (n === 'v' || n === 't') {
          collecting = true;
        }
      } else if (kind === 'text') {
        if (collecting) text.push(v);
      } else {
        const n = local(v);
        if (n === 'v' || n === 't') collecting = false;
        else if (n === 'c' && row) {
          const raw = text.join('');
          if (raw !== '' || type === 'inlineStr') {
            row.values[col] =
              type === 's'
                ? (sst[Number(raw)] ?? '')
                : type === 'inlineStr' || type === 'str' || type === 'e' || type === 'd'
                  ? raw
                  : type === 'b'
                    ? raw === '1'
                    : Number(raw);
          }
        } else if (n === 'row' && row) {
          done.push({ sheet: target.name, row });
          row = null;
        }
      }
    }
    yield* done;
  }
}
