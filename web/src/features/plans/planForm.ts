import type { Schemas } from '../../api/client';

/** The fiscal years offered when creating a plan: a few back, thirty ahead. */
export function fiscalYearChoices(current: number): number[] {
  return Array.from({ length: 36 }, (_, i) => current - 5 + i);
}

export interface PlanFormValues {
  title: string;
  /** '' for the municipality's own plan, else the owning council's organisation id. */
  ownerId: string;
  /** '' for the whole city. */
  areaId: string;
  startFiscalYear: string;
  endFiscalYear: string;
  vision: string;
}

export interface FormMessages {
  required: string;
  endBeforeStart: string;
  spanTooLong: string;
}

/** The create request for a plan form, or the errors to show next to its fields. */
export function toPlanCreate(
  values: PlanFormValues,
  messages: FormMessages,
): { body?: Schemas['PlanCreate']; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = values.title.trim();
  const start = values.startFiscalYear === '' ? undefined : Number(values.startFiscalYear);
  const end = values.endFiscalYear === '' ? undefined : Number(values.endFiscalYear);
  if (!title) errors.title = messages.required;
  if (start === undefined) errors.startFiscalYear = messages.required;
  if (end === undefined) errors.endFiscalYear = messages.required;
  if (start !== undefined && end !== undefined) {
    if (end < start) errors.endFiscalYear = messages.endBeforeStart;
    else if (end - start + 1 > 30) errors.endFiscalYear = messages.spanTooLong;
  }
  if (Object.keys(errors).length) return { errors };
  const body: Schemas['PlanCreate'] = { title, startFiscalYear: start!, endFiscalYear: end! };
  if (values.ownerId) body.organizationId = values.ownerId;
  if (values.areaId) body.areaId = values.areaId;
  if (values.vision.trim()) body.vision = values.vision.trim();
  return { body, errors };
}

export interface ReviewFormValues {
  fiscalYear: string;
  kind: Schemas['ReviewKind'];
  evaluator: string;
  summary: string;
  findings: string;
  nextActions: string;
}

/** The create request for a review form, or the errors to show next to its fields. */
export function toReviewWrite(
  values: ReviewFormValues,
  required: string,
): { body?: Schemas['PlanReviewWrite']; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (values.fiscalYear === '') errors.fiscalYear = required;
  if (!values.summary.trim()) errors.summary = required;
  if (Object.keys(errors).length) return { errors };
  const body: Schemas['PlanReviewWrite'] = {
    fiscalYear: Number(values.fiscalYear),
    kind: values.kind,
    summary: values.summary.trim(),
  };
  if (values.evaluator.trim()) body.evaluator = values.evaluator.trim();
  if (values.findings.trim()) body.findings = values.findings.trim();
  if (values.nextActions.trim()) body.nextActions = values.nextActions.trim();
  return { body, errors };
}

/** The create request for a new item: parent ('' for the top), optional code, title. */
export function toItemWrite(
  values: { parentItemId: string; code: string; title: string },
  required: string,
): { body?: Schemas['PlanItemWrite']; errors: Record<string, string> } {
  const title = values.title.trim();
  if (!title) return { errors: { title: required } };
  return {
    body: {
      title,
      parentItemId: values.parentItemId || null,
      code: values.code.trim() || null,
    },
    errors: {},
  };
}
