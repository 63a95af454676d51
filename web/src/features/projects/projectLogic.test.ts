import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  emptyProjectForm,
  isAllowedMove,
  projectPermissions,
  toProjectCreate,
  validateProject,
  validateStageChange,
} from './projectLogic';

describe('stage moves', () => {
  it('go forward exactly one stage, or back to any earlier one', () => {
    expect(allowedMoves('ISSUES')).toEqual({ forward: 'POLICY', back: ['VISION', 'TRIGGER'] });
    expect(isAllowedMove('ISSUES', 'POLICY')).toBe(true);
    expect(isAllowedMove('ISSUES', 'ACTION')).toBe(false);
    expect(isAllowedMove('ISSUES', 'ISSUES')).toBe(false);
    expect(isAllowedMove('ISSUES', 'TRIGGER')).toBe(true);
  });

  it('have no forward move from the last stage and no back move from the first', () => {
    expect(allowedMoves('REVIEW').forward).toBeUndefined();
    expect(allowedMoves('TRIGGER')).toEqual({ forward: 'VISION', back: [] });
  });

  it('need a target and a note that is not blank', () => {
    expect(Object.keys(validateStageChange('', '  ', 'ACTION', 'ja')).sort()).toEqual(['note', 'stage']);
    expect(validateStageChange('REVIEW', 'ふりかえり会を開いた', 'ACTION', 'en')).toEqual({});
    expect(validateStageChange('TRIGGER', 'x', 'TRIGGER', 'en').stage).toBe('Choose the stage to move to');
  });
});

describe('new project form', () => {
  it('names what to fix', () => {
    const errors = validateProject({ ...emptyProjectForm, startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'ja');
    expect(Object.keys(errors).sort()).toEqual(['endsOn', 'organizationId', 'title']);
  });

  it('does not ask for a lead organisation when starting from a match', () => {
    expect(validateProject({ ...emptyProjectForm, title: '訓練', fromMatchId: 'm1' }, 'en')).toEqual({});
  });

  it('sends a lead organisation from scratch, trimmed, with empty fields left out', () => {
    const body = toProjectCreate({
      ...emptyProjectForm,
      title: ' 夏まつり ',
      vision: '  ',
      domain: 'CITIZEN_LED',
      forms: ['SUBSIDY', 'CO_HOSTING'],
      organizationId: 'o1',
      contribution: ' 会場 ',
      published: true,
    });
    expect(body).toEqual({
      title: '夏まつり',
      summary: undefined,
      vision: undefined,
      issue: undefined,
      domain: 'CITIZEN_LED',
      forms: ['CO_HOSTING', 'SUBSIDY'],
      startsOn: undefined,
      endsOn: undefined,
      published: true,
      organizationId: 'o1',
      contribution: '会場',
    });
  });

  it('sends the match, not an organisation, when starting from a match', () => {
    const body = toProjectCreate({ ...emptyProjectForm, title: 'x', organizationId: 'o1', fromMatchId: 'm1', startsOn: '2026-04-01' });
    expect(body.fromMatchId).toBe('m1');
    expect(body.organizationId).toBeUndefined();
    expect(body.startsOn).toBe('2026-04-01');
  });
});

describe('permissions', () => {
  const project = {
    municipalityCode: '352161',
    partners: [
      { id: 'p1', organizationId: 'a', status: 'ACTIVE' as const },
      { id: 'p2', organizationId: 'b', status: 'INVITED' as const },
    ],
  };
  it('let members of active partners and staff act, and invited members answer', () => {
    expect(projectPermissions(project, null).canChangeStage).toBe(false);
    expect(projectPermissions(project, { organizations: [{ organizationId: 'a' }] }).canChangeStage).toBe(true);
    const invited = projectPermissions(project, { organizations: [{ organizationId: 'b' }] });
    expect(invited).toEqual({ canChangeStage: false, canInvite: false, invitationsToAnswer: ['p2'] });
    expect(projectPermissions(project, { staff: [{ municipalityCode: '352161' }] }).canInvite).toBe(true);
    expect(projectPermissions(project, { staff: [{ municipalityCode: '072010' }] }).canInvite).toBe(false);
  });
});
