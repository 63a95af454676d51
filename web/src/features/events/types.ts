import type { Schemas } from '../../api/client';

// The events API's records as the screens name them (generated from openapi.yaml).
export type EventView = Schemas['Event'];
export type EventWrite = Schemas['EventWrite'];
export type EventKind = Schemas['EventKind'];
export type EventStatus = Schemas['EventStatus'];
export type Question = Schemas['EventQuestion'];
export type QuestionKind = Schemas['QuestionKind'];
export type Answer = Schemas['EventAnswer'];
export type RegistrationView = Schemas['EventRegistration'];
export type ReportWrite = Schemas['EventReportWrite'];
export type ParticipationFigures = Schemas['ParticipationFigures'];
export type ParticipationYear = Schemas['ParticipationYear'];
