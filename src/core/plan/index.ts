/** Plan-text extraction (public API of `src/core/plan`). */
export * from './plan.schemas';
export {
  extractPlan,
  detectPlanYear,
  listIndicators,
  type ExtractPlanOptions,
  type LocatedIndicator,
} from './extract-plan';
export { extractIndicators, type ExtractIndicatorsOptions } from './indicators';
export { deadlineDueDates, resolveDeadline, findDeadlines, type DeadlineMatch } from './deadline';
export { parseChineseInteger, parseNumberToken } from './numbers';
export { parseStructure, type PlanStructure, type SectionDraft, type ClauseDraft } from './structure';
