import type { Schemas } from '../../api/client';
import type { Language } from '../../lib/i18n';
import { projectTexts } from './texts';

export type Stage = Schemas['ProjectStage'];
export type Domain = Schemas['CoCreationDomain'];
export type Form = Schemas['CollaborationForm'];
export type Role = Schemas['PartnerRole'];
export type ProjectCreate = Schemas['ProjectCreate'];

export const stages: readonly Stage[] = ['TRIGGER', 'VISION', 'ISSUES', 'POLICY', 'ACTION', 'REVIEW'];
export const domains: readonly Domain[] = ['CITIZEN_LED', 'CITIZEN_INITIATIVE', 'EQUAL', 'GOVERNMENT_INITIATIVE', 'GOVERNMENT_LED'];
export const collaborationForms: readonly Form[] = [
  'CO_HOSTING', 'ENDORSEMENT', 'EXECUTIVE_COMMITTEE', 'ADOPTION', 'COOPERATION', 'COMMISSION', 'SUBSIDY',
  'POLICY_PROPOSAL', 'INFORMATION_EXCHANGE',
];
export const partnerRoles: readonly Role[] = ['PARTNER', 'SUPPORTER', 'COORDINATOR', 'LEAD'];

/** 1-based position of a stage in the cycle, for "stage 3 of 6". */
export const stageNumber = (s: Stage) => stages.indexOf(s) + 1;

/** The moves the API allows from a stage: forward exactly one, or back to any earlier one. */
export function allowedMoves(current: Stage): { forward?: Stage; back: Stage[] } {
  const i = stages.indexOf(current);
  if (i < 0) return { back: [] };
  return { forward: stages[i + 1], back: stages.slice(0, i).reverse() };
}

export function isAllowedMove(from: Stage, to: Stage): boolean {
  const { forward, back } = allowedMoves(from);
  return to === forward || back.includes(to);
}

export function validateStageChange(target: string, note: string, current: Stage, language?: Language): Record<string, string> {
  const text = projectTexts(language);
  const errors: Record<string, string> = {};
  if (!target || !isAllowedMove(current, target as Stage)) errors.stage = text.chooseTarget;
  if (note.trim() === '') errors.note = text.enterNote;
  return errors;
}

/** What a person types into the new-project form; strings, so nothing typed is lost. */
export interface ProjectFormValues {
  title: string;
  summary: string;
  vision: string;
  issue: string;
  domain: string;
  forms: string[];
  startsOn: string;
  endsOn: string;
  published: boolean;
  organizationId: string;
  contribution: string;
  fromMatchId: string;
}

export const emptyProjectForm: ProjectFormValues = {
  title: '',
  summary: '',
  vision: '',
  issue: '',
  domain: 'EQUAL',
  forms: [],
  startsOn: '',
  endsOn: '',
  published: false,
  organizationId: '',
  contribution: '',
  fromMatchId: '',
};

export function validateProject(v: ProjectFormValues, language?: Language): Record<string, string> {
  const text = projectTexts(language);
  const errors: Record<string, string> = {};
  if (v.title.trim() === '') errors.title = text.enterTitle;
  else if (v.title.trim().length > 200) errors.title = text.titleTooLong;
  if (!domains.includes(v.domain as Domain)) errors.domain = text.chooseDomain;
  if (v.vision.length > 4000) errors.vision = text.tooLong;
  if (v.issue.length > 4000) errors.issue = text.tooLong;
  if (!v.fromMatchId && !v.organizationId) errors.organizationId = text.chooseLead;
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = text.endBeforeStart;
  return errors;
}

/** What was typed, trimmed; undefined when nothing was. */
const typed = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The request body: a match-based project names the match, one from scratch its lead organisation. */
export function toProjectCreate(v: ProjectFormValues): ProjectCreate {
  const body: ProjectCreate = {
    title: v.title.trim(),
    summary: typed(v.summary),
    vision: typed(v.vision),
    issue: typed(v.issue),
    domain: v.domain as Domain,
    forms: collaborationForms.filter((f) => v.forms.includes(f)),
    startsOn: v.startsOn || undefined,
    endsOn: v.endsOn || undefined,
    published: v.published,
  };
  if (v.fromMatchId) body.fromMatchId = v.fromMatchId;
  else {
    body.organizationId = v.organizationId;
    body.contribution = typed(v.contribution);
  }
  return body;
}

/** Who may act on a project: members of ACTIVE partners and staff move stages and invite; invited members answer. */
export function projectPermissions(
  // Only what the rule reads, so that it is easy to call (and to test) with less than a whole project.
  project: { municipalityCode: string; partners: Pick<Schemas['ProjectPartner'], 'id' | 'organizationId' | 'status'>[] },
  me: { admin?: boolean; staff?: { municipalityCode: string }[]; organizations?: { organizationId: string }[] } | null | undefined,
): { canChangeStage: boolean; canInvite: boolean; invitationsToAnswer: string[] } {
  if (!me) return { canChangeStage: false, canInvite: false, invitationsToAnswer: [] };
  const mine = new Set((me.organizations ?? []).map((o) => o.organizationId));
  const staff = !!me.admin || (me.staff ?? []).some((s) => s.municipalityCode === project.municipalityCode);
  const partners = project.partners ?? [];
  const activePartner = partners.some((p) => p.status === 'ACTIVE' && mine.has(p.organizationId));
  const invitationsToAnswer = partners
    .filter((p) => p.status === 'INVITED' && mine.has(p.organizationId))
    .map((p) => p.id);
  return { canChangeStage: staff || activePartner, canInvite: staff || activePartner, invitationsToAnswer };
}
