// The events feature's public face: the panels other screens show (an organisation's, a
// project's and a plan's page, My page). Other features import these from here.
export { EventsSection } from './EventsSection';
export { MyRegistrations } from './MyRegistrations';
// The event kinds in their order with the labels the events screens show them with (an
// indicator computed from events names the kinds it counts).
export { eventKinds } from './eventSearch';
export { eventKindLabels } from './eventKindLabels';
