// The messages feature's public face: the panels other screens show (an organisation's page, My
// page). Other features import these from here, never from the files behind them.
export { MyMessages } from './MyMessages';
export { OrganizationInbox } from './OrganizationInbox';
export { SendMessage } from './SendMessage';
