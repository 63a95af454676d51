// Saved searches: the button the listing and event searches show, and the list on My page.
export { SaveSearchButton } from './SaveSearchButton';
export { MySavedSearches } from './MySavedSearches';
