// The events feature's public face: the panels other screens show (an organisation's, a
// project's and a plan's page, My page). Other features import these from here.
export { EventsSection } from './EventsSection';
export { MyRegistrations } from './MyRegistrations';
