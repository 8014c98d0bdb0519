/** The Admin Satker screens use the front office's page frame and side panel. */
export { OnlinePage as AdminPage, SidePanel, WithSidePanel } from '../online/OnlinePage';
