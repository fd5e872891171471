import type { LocalizedText } from '../../../core/errors/errors';
import { issuesToProblems, type FieldProblem, type IssueLike } from '../../ui/formErrors';
import { pick, type Lang } from '../../i18n/lang';

/**
 * A problem found in the browser before sending: the core's own bilingual message (ID number,
 * certificate, date order), or a schema issue that gets the generic wording of `formErrors`.
 */
export type FormProblem =
  { kind: 'text'; name: (string | number)[]; message: LocalizedText } | { kind: 'issue'; issue: IssueLike };

export const issueProblems = (issues: readonly IssueLike[]): FormProblem[] =>
  issues.map((issue) => ({ kind: 'issue', issue }));

/** The problems as field problems in the interface language. */
export function toFieldProblems(problems: readonly FormProblem[], lang: Lang): FieldProblem[] {
  return problems.map((p) =>
    p.kind === 'text'
      ? { name: p.name, message: pick(p.message, lang) }
      : issuesToProblems([p.issue], lang)[0]!,
  );
}
