// Public API of plan import: pure functions from a plan's text (or mammoth's HTML of a .docx)
// to a structured plan. The caller reads files and runs mammoth.

export {
  parsePlanText,
  parsePlanHtml,
  detectNotAPlan,
  assertIsPlan,
  PlanImportError,
  NOT_A_PLAN,
  NOT_A_PLAN_MESSAGE,
} from './parse.js';
export { parseThreshold } from './threshold.js';
export type {
  ParsedPlan,
  PlanTask,
  PlanTarget,
  PlanArea,
  FocusItem,
  OptionalName,
  Threshold,
  ImportWarning,
  WarningCode,
} from './types.js';
