import type { Schemas } from '../../api/client';
import type { Language } from '../../lib/i18n';
import { organizationTexts } from './texts';

export type OrganizationWrite = Schemas['OrganizationWrite'];
export type Organization = Schemas['Organization'];

/** What the person types: strings, as the inputs hold them. Nothing typed is ever dropped. */
export interface OrganizationFormValues {
  type: string;
  bond: string;
  name: string;
  nameKana: string;
  description: string;
  website: string;
  themes: string[];
  areaIds: string[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** Published contact fields (opt-in each; unpublished ones are reached through messages). */
  publishName: boolean;
  publishEmail: boolean;
  publishPhone: boolean;
}

export const emptyOrganizationForm: OrganizationFormValues = {
  type: 'CIVIC_GROUP',
  bond: 'THEMATIC',
  name: '',
  nameKana: '',
  description: '',
  website: '',
  themes: [],
  areaIds: [],
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  publishName: false,
  publishEmail: false,
  publishPhone: false,
};

export function formFromOrganization(o: Organization): OrganizationFormValues {
  return {
    type: o.type ?? 'OTHER',
    bond: o.bond ?? 'HYBRID',
    name: o.name ?? '',
    nameKana: o.nameKana ?? '',
    description: o.description ?? '',
    website: o.website ?? '',
    themes: [...(o.themes ?? [])],
    areaIds: [...(o.areaIds ?? [])],
    contactName: o.contact?.name ?? '',
    contactEmail: o.contact?.email ?? '',
    contactPhone: o.contact?.phone ?? '',
    publishName: o.contactPublished?.name ?? false,
    publishEmail: o.contactPublished?.email ?? false,
    publishPhone: o.contactPublished?.phone ?? false,
  };
}

const orNull = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The request body; empty optional fields are left out, as the API expects. */
export function toOrganizationWrite(v: OrganizationFormValues): OrganizationWrite {
  const contact =
    orNull(v.contactName) || orNull(v.contactEmail) || orNull(v.contactPhone)
      ? { name: orNull(v.contactName), email: orNull(v.contactEmail), phone: orNull(v.contactPhone) }
      : undefined;
  return {
    type: v.type as OrganizationWrite['type'],
    bond: v.bond as OrganizationWrite['bond'],
    name: v.name.trim(),
    nameKana: orNull(v.nameKana),
    description: orNull(v.description),
    website: orNull(v.website),
    themes: v.themes as OrganizationWrite['themes'],
    areaIds: v.areaIds,
    contact,
    contactPublished: { name: v.publishName, email: v.publishEmail, phone: v.publishPhone },
  };
}

/**
 * Checks in the browser what the API would refuse anyway, so a person hears at once what to
 * fix; the API stays the authority and its field errors are shown the same way.
 */
export function validateOrganization(v: OrganizationFormValues, language?: Language): Record<string, string> {
  const text = organizationTexts(language);
  const errors: Record<string, string> = {};
  if (v.name.trim() === '') errors.name = text.enterName;
  else if (v.name.length > 200) errors.name = text.nameTooLong;
  if (v.website.trim() !== '' && !/^https?:\/\/\S+$/.test(v.website.trim())) errors.website = text.notAUrl;
  if (v.contactEmail.trim() !== '' && !/^[^@\s]+@[^@\s]+$/.test(v.contactEmail.trim())) errors['contact.email'] = text.notAnEmail;
  if (v.contactPhone.trim() !== '' && !/^[0-9+() -]*$/.test(v.contactPhone.trim())) errors['contact.phone'] = text.notAPhone;
  if (v.description.length > 4000) errors.description = text.descriptionTooLong;
  return errors;
}
