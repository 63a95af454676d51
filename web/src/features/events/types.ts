// PROVISIONAL: shaped as the events API's records (EventDtos) until the contract lands in
// openapi.yaml; then these become aliases of the generated Schemas.
export type QuestionKind = 'TEXT' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'CHECKBOX';
export type EventKind = 'FORUM' | 'SEMINAR' | 'WORKSHOP' | 'AREA_MEETING' | 'DIALOGUE' | 'VOLUNTEER' | 'EXCHANGE' | 'OTHER';
export type EventMode = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export type EventStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED' | 'CLOSED';
export type RegistrationStatus = 'REGISTERED' | 'WAITLISTED' | 'CANCELLED' | 'ATTENDED';
export interface Question { key: string; kind: QuestionKind; label: string; options?: string[]; required?: boolean | null }
export interface Venue { name?: string | null; address?: string | null; addressDetail?: string | null; latitude?: number | null; longitude?: number | null; access?: string | null; parking?: string | null }
export interface Contact { name?: string | null; phone?: string | null; extension?: string | null }
export interface Ref { id: string; name: string }
export interface LinkRef { id: string; title: string }
export interface EventWrite {
  organizationId?: string; coOrganizerIds?: string[]; kind: EventKind; title: string; titleKana?: string; titleEnglish?: string;
  description?: string; themes?: string[]; areaIds?: string[]; mode: EventMode; venue?: Venue; onlineUrl?: string; startsAt: string;
  endsAt?: string; allDay?: boolean; fee?: { amountYen?: number | null; note?: string | null }; capacity?: number; heldSeats?: number;
  registrationOpensAt?: string; registrationClosesAt?: string; guestsAllowed?: boolean; questions?: Question[]; contact?: Contact;
  listed?: boolean; projectIds?: string[]; planItemIds?: string[];
}
export interface EventView {
  id: string; municipalityCode: string; organizationId?: string | null; organizerName: string; coOrganizers: Ref[]; kind: EventKind;
  kindLabel: string; title: string; titleKana?: string | null; titleEnglish?: string | null; description?: string | null;
  themes: string[]; themeLabels: string[]; areaIds: string[]; mode: EventMode; modeLabel: string; venue?: Venue | null;
  onlineUrl?: string | null; startsAt: string; endsAt?: string | null; allDay: boolean; fiscalYear: number; fiscalYearLabel: string;
  fee: { free: boolean; amountYen?: number | null; note?: string | null }; capacity?: number | null; heldSeats: number;
  registrationOpensAt?: string | null; registrationClosesAt?: string | null; registrationOpen: boolean; guestsAllowed: boolean;
  questions: Question[]; contact?: Contact | null; status: EventStatus; statusLabel: string; listed: boolean;
  cancellationReason?: string | null; counts: { registered: number; waitlisted: number; attended: number; seatsLeft?: number | null };
  publicParticipants: string[]; report?: unknown; projects: LinkRef[]; planItems: LinkRef[]; organizer: boolean;
  myRegistrationId?: string | null; myRegistrationStatus?: RegistrationStatus | null; version: number;
}
export interface Answer { key: string; text?: string | null; choices?: string[]; checked?: boolean | null }
