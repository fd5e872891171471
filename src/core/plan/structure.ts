/**
 * The heading structure of a Chinese plan: "一、" → level-1 section, "(一)" → level-2 section,
 * "1." / "(1)" / "①" → numbered clause. Text before the first heading (title, preamble) forms a
 * level-0 section.
 *
 * Lines wrapped in the middle of a sentence (text pasted from a PDF) are joined back: a line that
 * does not end a sentence continues on the next line unless that line is a heading.
 */
import { toHalfWidth } from './normalize';

export interface SectionDraft {
  number: string | null;
  level: 0 | 1 | 2;
  ref: string | null;
  title: string;
  clauses: ClauseDraft[];
}

export interface ClauseDraft {
  number: string | null;
  ref: string;
  title: string | null;
  text: string;
}

export interface PlanStructure {
  title: string | null;
  sections: SectionDraft[];
}

type Line =
  | { kind: 'section'; level: 1 | 2; number: string; rest: string }
  | { kind: 'item'; number: string; rest: string }
  | { kind: 'text'; text: string };

const CN_ORDINAL = '[一二三四五六七八九十]{1,3}';
const LEVEL1_RE = new RegExp(`^(${CN_ORDINAL})\\s*[、.．]\\s*`);
const LEVEL2_RE = new RegExp(`^\\(\\s*(${CN_ORDINAL})\\s*\\)\\s*[、.]?\\s*`);
const ITEM_RE = /^(?:(\d{1,2})\s*[.、](?!\d)|\(\s*(\d{1,2})\s*\)|([①-⑳]))\s*/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const SENTENCE_END_RE = /[。!?;:…”」』)!?;:]$/u;

/** Classify a line. Matching uses a half-width copy; text is cut from the original line. */
function classify(line: string): Line {
  const half = toHalfWidth(line);
  const l1 = LEVEL1_RE.exec(half);
  if (l1 !== null) return { kind: 'section', level: 1, number: l1[1] ?? '', rest: line.slice(l1[0].length) };
  const l2 = LEVEL2_RE.exec(half);
  if (l2 !== null)
    return { kind: 'section', level: 2, number: `(${l2[1] ?? ''})`, rest: line.slice(l2[0].length) };
  const item = ITEM_RE.exec(half);
  if (item !== null) {
    const circled = item[3] === undefined ? null : String(CIRCLED.indexOf(item[3]) + 1);
    const number = item[1] ?? item[2] ?? circled ?? '';
    return { kind: 'item', number, rest: line.slice(item[0].length) };
  }
  return { kind: 'text', text: line };
}

/** Join lines wrapped mid-sentence; blank lines separate paragraphs. */
function logicalLines(rawLines: readonly string[]): string[] {
  const out: string[] = [];
  let joinable = false;
  for (const raw of rawLines) {
    const line = raw.trim();
    if (line === '') {
      joinable = false;
      continue;
    }
    const kind = classify(line).kind;
    if (joinable && kind === 'text' && out.length > 0) {
      out[out.length - 1] += line;
    } else {
      out.push(line);
    }
    // A heading line ends at its line break; other lines continue until a sentence ends.
    joinable = kind !== 'section' && !SENTENCE_END_RE.test(line);
  }
  return out;
}

/** "1. 加强组织领导,推动工作落实。区委…" → title "加强组织领导,推动工作落实". */
function leadTitle(text: string): string | null {
  const m = /^([^。;;]{2,30})。(?=\S)/u.exec(text);
  return m?.[1] !== undefined && !/\d/.test(m[1]) ? m[1] : null;
}

/** Split a heading's text into title and body ("总体要求。本年度…" → "总体要求", "本年度…"). */
function splitHeading(rest: string): { title: string; body: string | null } {
  const trimmed = rest.trim();
  const stop = trimmed.indexOf('。');
  if (stop < 0 || stop === trimmed.length - 1) return { title: trimmed.replace(/。$/, ''), body: null };
  return { title: trimmed.slice(0, stop), body: trimmed.slice(stop + 1).trim() };
}

/**
 * The first line is the plan's title ("XX区2020年县域结对及困难群众帮扶工作要点") when it is short,
 * not a heading, and has no sentence punctuation (a line wrapped out of a paragraph almost always has
 * a comma).
 */
function isTitleLine(line: string): boolean {
  return classify(line).kind === 'text' && line.length <= 60 && !/[,,。;;!!??]/.test(line);
}

/** Sections and clauses of a plan text, in document order. */
export function parseStructure(text: string): PlanStructure {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstIndex = rawLines.findIndex((line) => line.trim() !== '');
  const first = rawLines[firstIndex]?.trim();
  let title: string | null = null;
  if (first !== undefined && isTitleLine(first)) {
    title = first;
    rawLines.splice(0, firstIndex + 1);
  }
  const lines = logicalLines(rawLines);
  const sections: SectionDraft[] = [];
  let current: SectionDraft | null = null;
  let level1Number: string | null = null;
  let paragraphCount = 0;

  const ensureSection = (): SectionDraft => {
    if (current === null) {
      current = { number: null, level: 0, ref: null, title: title ?? '', clauses: [] };
      sections.push(current);
      paragraphCount = 0;
    }
    return current;
  };
  const addParagraph = (section: SectionDraft, paragraph: string): void => {
    const last = section.clauses[section.clauses.length - 1];
    if (last !== undefined && last.number !== null) {
      last.text += `\n${paragraph}`;
      return;
    }
    paragraphCount += 1;
    section.clauses.push({
      number: null,
      ref: `${section.ref ?? ''}¶${paragraphCount}`,
      title: null,
      text: paragraph,
    });
  };

  for (const line of lines) {
    const parsed = classify(line);
    if (parsed.kind === 'section') {
      const { title: headingTitle, body } = splitHeading(parsed.rest);
      let ref = parsed.number;
      if (parsed.level === 1) level1Number = parsed.number;
      else if (level1Number !== null) ref = `${level1Number}${parsed.number}`;
      const section: SectionDraft = {
        number: parsed.number,
        level: parsed.level,
        ref,
        title: headingTitle,
        clauses: [],
      };
      sections.push(section);
      current = section;
      paragraphCount = 0;
      if (body !== null && body !== '') addParagraph(section, body);
    } else if (parsed.kind === 'item') {
      const section = ensureSection();
      const itemText = parsed.rest.trim();
      section.clauses.push({
        number: parsed.number,
        ref: `${section.ref ?? ''}${parsed.number}`,
        title: leadTitle(itemText),
        text: itemText,
      });
    } else {
      addParagraph(ensureSection(), parsed.text);
    }
  }
  return { title, sections };
}
