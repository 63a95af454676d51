import { describe, expect, it } from 'vitest';
import { emptyOrganizationForm, toOrganizationWrite, validateOrganization } from './organizationForm';

describe('organisation form', () => {
  it('names every field a person must fix', () => {
    const errors = validateOrganization(
      { ...emptyOrganizationForm, name: ' ', website: 'example.jp', contactEmail: 'x', contactPhone: 'abc' },
      'ja',
    );
    expect(Object.keys(errors).sort()).toEqual(['contact.email', 'contact.phone', 'name', 'website']);
    expect(errors.name).toBe('名称を入力してください');
  });

  it('speaks English on request and accepts a valid form', () => {
    expect(validateOrganization({ ...emptyOrganizationForm }, 'en').name).toBe('Enter a name');
    expect(validateOrganization({ ...emptyOrganizationForm, name: '赤崎地区自治会', website: 'https://a.jp' }, 'ja')).toEqual({});
  });

  it('leaves empty optional fields out of the request and keeps the contact together', () => {
    const body = toOrganizationWrite({ ...emptyOrganizationForm, name: ' 防災の会 ', themes: ['DISASTER_RELIEF'] });
    expect(body.name).toBe('防災の会');
    expect(body.website).toBeUndefined();
    expect(body.contact).toBeUndefined();
    const withContact = toOrganizationWrite({ ...emptyOrganizationForm, name: 'x', contactEmail: 'a@b.jp' });
    expect(withContact.contact).toEqual({ name: undefined, email: 'a@b.jp', phone: undefined });
  });

  it('publishes no contact field unless the person ticks it', () => {
    expect(toOrganizationWrite({ ...emptyOrganizationForm, name: 'x' }).contactPublished)
      .toEqual({ name: false, email: false, phone: false });
    expect(toOrganizationWrite({ ...emptyOrganizationForm, name: 'x', publishPhone: true }).contactPublished)
      .toEqual({ name: false, email: false, phone: true });
  });
});
