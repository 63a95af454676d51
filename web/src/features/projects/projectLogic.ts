import type { Schemas } from '../../api/client';
import type { Language } from '../../lib/i18n';
import { say } from './texts';

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

const stageLabels: Record<Stage, [string, string]> = {
  TRIGGER: ['きっかけ', 'Trigger'],
  VISION: ['目標設定', 'Vision'],
  ISSUES: ['課題把握', 'Issues'],
  POLICY: ['方針作成', 'Policy'],
  ACTION: ['実行', 'Action'],
  REVIEW: ['ふりかえり', 'Review'],
};
const domainLabels: Record<Domain, [string, string]> = {
  CITIZEN_LED: ['A: 市民主体・民間主体', 'A: Citizen-led'],
  CITIZEN_INITIATIVE: ['B: 市民主導・民間主導', 'B: Citizen initiative'],
  EQUAL: ['C: 対等', 'C: Equal'],
  GOVERNMENT_INITIATIVE: ['D: 行政主導', 'D: Government initiative'],
  GOVERNMENT_LED: ['E: 行政主体', 'E: Government-led'],
};
const formLabels: Record<Form, [string, string]> = {
  CO_HOSTING: ['共催', 'Co-hosting'],
  ENDORSEMENT: ['後援', 'Endorsement'],
  EXECUTIVE_COMMITTEE: ['実行委員会・協議会', 'Executive committee'],
  ADOPTION: ['アドプト制度', 'Adoption scheme'],
  COOPERATION: ['事業協力', 'Cooperation'],
  COMMISSION: ['協働委託', 'Commission'],
  SUBSIDY: ['補助・助成', 'Subsidy'],
  POLICY_PROPOSAL: ['参画提案・政策提案', 'Policy proposal'],
  INFORMATION_EXCHANGE: ['情報提供・情報交換', 'Information exchange'],
};
const roleLabels: Record<Role, [string, string]> = {
  LEAD: ['幹事団体', 'Lead'],
  PARTNER: ['構成団体', 'Partner'],
  SUPPORTER: ['支援・協力', 'Supporter'],
  COORDINATOR: ['つなぎ役', 'Coordinator'],
};

export const stageLabel = (s: Stage, language: Language) => say(...stageLabels[s], language);
export const domainLabel = (d: Domain, language: Language) => say(...domainLabels[d], language);
export const formLabel = (f: Form, language: Language) => say(...formLabels[f], language);
export const roleLabel = (r: Role, language: Language) => say(...roleLabels[r], language);

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

export function validateStageChange(target: string, note: string, current: Stage, language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!target || !isAllowedMove(current, target as Stage))
    errors.stage = say('移る先の段階を選んでください', 'Choose the stage to move to', language);
  if (note.trim() === '') errors.note = say('理由・メモを入力してください', 'Enter a note', language);
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

export function validateProject(v: ProjectFormValues, language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.title.trim() === '') errors.title = say('名称を入力してください', 'Enter a title', language);
  else if (v.title.trim().length > 200) errors.title = say('名称は200文字以内にしてください', 'Keep the title to 200 characters', language);
  if (!domains.includes(v.domain as Domain)) errors.domain = say('協働の領域を選んでください', 'Choose a domain', language);
  if (v.vision.length > 4000) errors.vision = say('4000文字以内にしてください', 'Keep it to 4000 characters', language);
  if (v.issue.length > 4000) errors.issue = say('4000文字以内にしてください', 'Keep it to 4000 characters', language);
  if (!v.fromMatchId && !v.organizationId)
    errors.organizationId = say('幹事団体を選んでください', 'Choose the lead organisation', language);
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
    errors.endsOn = say('終了日は開始日以降にしてください', 'The end must not be before the start', language);
  return errors;
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The request body: a match-based project names the match, one from scratch its lead organisation. */
export function toProjectCreate(v: ProjectFormValues): ProjectCreate {
  const body: ProjectCreate = {
    title: v.title.trim(),
    summary: text(v.summary),
    vision: text(v.vision),
    issue: text(v.issue),
    domain: v.domain as Domain,
    forms: collaborationForms.filter((f) => v.forms.includes(f)),
    startsOn: v.startsOn || undefined,
    endsOn: v.endsOn || undefined,
    published: v.published,
  };
  if (v.fromMatchId) body.fromMatchId = v.fromMatchId;
  else {
    body.organizationId = v.organizationId;
    body.contribution = text(v.contribution);
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
    .map((p) => p.id!);
  return { canChangeStage: staff || activePartner, canInvite: staff || activePartner, invitationsToAnswer };
}
