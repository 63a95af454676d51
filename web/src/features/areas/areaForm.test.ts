import { describe, expect, it } from 'vitest';
import { emptyAreaForm, toAreaWrite, validateArea } from './areaForm';

describe('area form', () => {
  it('names each figure that is not a number in range', () => {
    const errors = validateArea({ ...emptyAreaForm, population: '-3', aged65Share: '120', households: 'many' }, 'ja');
    expect(Object.keys(errors).sort()).toEqual(['aged65Share', 'households', 'name', 'population']);
  });

  it('reads full-width figures and thousands separators', () => {
    const body = toAreaWrite({ ...emptyAreaForm, name: ' 赤崎地区 ', population: '８，１２３', aged65Share: '３３．４' });
    expect(body).toMatchObject({ name: '赤崎地区', population: 8123, aged65Share: 33.4 });
    expect(body.parentId).toBeUndefined();
  });
});
