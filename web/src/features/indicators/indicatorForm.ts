import type { Schemas } from '../../api/client';

export type Direction = Schemas['Direction'];
export type IndicatorSource = Schemas['IndicatorSource'];
export type ComputedMeasure = Schemas['ComputedMeasure'];
export type EventKind = Schemas['EventKind'];

export const directions: readonly Direction[] = ['INCREASE', 'DECREASE', 'MAINTAIN'];
export const sources: readonly IndicatorSource[] = ['RESIDENT_SURVEY', 'STAFF_SURVEY', 'STATISTICS', 'OTHER', 'PLATFORM'];
export const measures: readonly ComputedMeasure[] = ['EVENTS_HELD', 'REGISTRATIONS', 'ATTENDEES', 'FIRST_TIME_ATTENDEES', 'STEPPED_UP'];

export interface IndicatorFormValues {
  name: string;
  unit: string;
  direction: Direction;
  source: IndicatorSource;
  definition: string;
  /** Used with source PLATFORM (computed from events). */
  measure: ComputedMeasure;
  kinds: EventKind[];
  areaIds: string[];
}

export const emptyIndicatorForm: IndicatorFormValues = {
  name: '', unit: '', direction: 'INCREASE', source: 'STATISTICS', definition: '', measure: 'EVENTS_HELD', kinds: [], areaIds: [],
};

export function formFromIndicator(i: Schemas['Indicator']): IndicatorFormValues {
  return {
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    source: i.source,
    definition: i.definition ?? '',
    measure: i.computed?.measure ?? 'EVENTS_HELD',
    kinds: i.computed?.kinds ?? [],
    areaIds: i.computed?.areaIds ?? [],
  };
}

/** The errors to show before sending: the name and the unit are required. */
export function validateIndicator(values: IndicatorFormValues, enterText: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = enterText;
  if (!values.unit.trim()) errors.unit = enterText;
  return errors;
}

/**
 * The request the API expects: `computed` ({from: EVENTS, measure, kinds, areaIds}) with source
 * PLATFORM, null with any other. An existing indicator keeps what this form does not edit.
 */
export function toIndicatorWrite(values: IndicatorFormValues, existing?: Schemas['Indicator']): Schemas['IndicatorUpdate'] {
  const definition = values.definition.trim();
  return {
    ...(existing && { planItemIds: existing.planItemIds, decimals: existing.decimals, tolerance: existing.tolerance, sortOrder: existing.sortOrder }),
    name: values.name.trim(),
    unit: values.unit.trim(),
    direction: values.direction,
    source: values.source,
    ...(definition && { definition }),
    computed: values.source === 'PLATFORM'
      ? { from: 'EVENTS', measure: values.measure, kinds: values.kinds, areaIds: values.areaIds }
      : null,
  };
}
