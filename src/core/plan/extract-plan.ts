/**
 * Plan-text extraction: pasted 工作要点 text → DRAFT sections, clauses and quantitative targets,
 * for a person to confirm or correct (README: every year has its own plan; the targets are data).
 * Pure: a string in, data out — runs on the server and in the browser.
 */
import type { ExtractedPlan } from './plan.schemas';
import { extractIndicators } from './indicators';
import { toHalfWidth } from './normalize';
import { parseStructure } from './structure';

export interface ExtractPlanOptions {
  /** The plan year, when the title does not state it. */
  readonly year?: number | null;
}

/** The plan year: the first "YYYY年" in the title, else in the text. */
export function detectPlanYear(title: string | null, text: string): number | null {
  for (const source of [title ?? '', text]) {
    const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(source));
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

/** Extract a draft plan from pasted text. Never throws; an empty text gives no sections. */
export function extractPlan(text: string, options: ExtractPlanOptions = {}): ExtractedPlan {
  const structure = parseStructure(text);
  const year = options.year ?? detectPlanYear(structure.title, text);
  return {
    title: structure.title,
    year,
    sections: structure.sections.map((section) => ({
      number: section.number,
      level: section.level,
      ref: section.ref,
      title: section.title,
      clauses: section.clauses.map((clause) => ({
        number: clause.number,
        ref: clause.ref,
        title: clause.title,
        text: clause.text,
        indicators: extractIndicators(clause.text, { year }),
      })),
    })),
  };
}

/** One indicator with where it was found, for lists and review screens. */
export interface LocatedIndicator {
  readonly sectionRef: string | null;
  readonly clauseRef: string;
  readonly indicator: ExtractedPlan['sections'][number]['clauses'][number]['indicators'][number];
}

/** All indicators of a plan in document order. */
export function listIndicators(plan: ExtractedPlan): LocatedIndicator[] {
  return plan.sections.flatMap((section) =>
    section.clauses.flatMap((clause) =>
      clause.indicators.map((indicator) => ({ sectionRef: section.ref, clauseRef: clause.ref, indicator })),
    ),
  );
}
