import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { currentLanguage, setLanguage, type Language } from '../lib/i18n';
import { commonTexts } from '../lib/texts';
import { Layout } from './Layout';
import { MunicipalityList } from '../features/municipalities/MunicipalityList';

// Screens past the first one load on demand, to keep the first screen small.
const MunicipalityHome = lazy(() => import('../features/municipalities/MunicipalityHome'));
const OrganizationDirectory = lazy(() => import('../features/organizations/OrganizationDirectory'));
const OrganizationPage = lazy(() => import('../features/organizations/OrganizationPage'));
const OrganizationEdit = lazy(() => import('../features/organizations/OrganizationEdit'));
const AreaTree = lazy(() => import('../features/areas/AreaTree'));
const AreaProfilePage = lazy(() => import('../features/areas/AreaProfilePage'));
const MyPage = lazy(() => import('../features/session/MyPage'));
const StaffConsole = lazy(() => import('../features/staff/StaffConsole'));
const ListingBoard = lazy(() => import('../features/listings/ListingBoard'));
const ListingPage = lazy(() => import('../features/listings/ListingPage'));
const ListingEdit = lazy(() => import('../features/listings/ListingEdit'));
const MatchPage = lazy(() => import('../features/matches/MatchPage'));
const Inbox = lazy(() => import('../features/matches/Inbox'));
const PlanList = lazy(() => import('../features/plans/PlanList'));
const PlanPage = lazy(() => import('../features/plans/PlanPage'));
const PlanCreate = lazy(() => import('../features/plans/PlanCreate'));
const IndicatorList = lazy(() => import('../features/indicators/IndicatorList'));
const IndicatorPage = lazy(() => import('../features/indicators/IndicatorPage'));
const IndicatorEdit = lazy(() => import('../features/indicators/IndicatorEdit'));
const ProjectList = lazy(() => import('../features/projects/ProjectList'));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage'));
const ProjectNew = lazy(() => import('../features/projects/ProjectNew'));
const EventList = lazy(() => import('../features/events/EventList'));
const EventPage = lazy(() => import('../features/events/EventPage'));
const EventEdit = lazy(() => import('../features/events/EventEdit'));
const EventRegistrations = lazy(() => import('../features/events/EventRegistrations'));
const EventCheckIn = lazy(() => import('../features/events/EventCheckIn'));
const EventClose = lazy(() => import('../features/events/EventClose'));
const ParticipationDashboard = lazy(() => import('../features/events/ParticipationDashboard'));
const OpenDataPage = lazy(() => import('../features/opendata/OpenDataPage'));
const BrokeringPage = lazy(() => import('../features/brokering/BrokeringPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const [language, setLang] = useState<Language>(currentLanguage());
  const switchLanguage = () => {
    const next: Language = language === 'ja' ? 'en' : 'ja';
    setLanguage(next);
    setLang(next);
    // The API answers in the language asked for: read everything again.
    void queryClient.invalidateQueries();
  };
  const common = commonTexts(language);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Layout language={language} onSwitchLanguage={switchLanguage}>
          <Suspense fallback={<p>{common.loading}</p>}>
            <Routes key={language}>
              <Route path="/" element={<MunicipalityList />} />
              <Route path="/m/:code" element={<MunicipalityHome />} />
              <Route path="/m/:code/organizations" element={<OrganizationDirectory />} />
              <Route path="/m/:code/organizations/new" element={<OrganizationEdit />} />
              <Route path="/m/:code/areas" element={<AreaTree />} />
              <Route path="/m/:code/areas/:id" element={<AreaProfilePage />} />
              <Route path="/m/:code/staff" element={<StaffConsole />} />
              <Route path="/organizations/:id" element={<OrganizationPage />} />
              <Route path="/organizations/:id/edit" element={<OrganizationEdit />} />
              <Route path="/m/:code/listings" element={<ListingBoard />} />
              <Route path="/listings/:id" element={<ListingPage />} />
              <Route path="/organizations/:id/listings/new" element={<ListingEdit />} />
              <Route path="/listings/:listingId/edit" element={<ListingEdit />} />
              <Route path="/matches/:id" element={<MatchPage />} />
              <Route path="/me/notifications" element={<Inbox />} />
              <Route path="/m/:code/plans" element={<PlanList />} />
              <Route path="/m/:code/plans/new" element={<PlanCreate />} />
              <Route path="/m/:code/indicators" element={<IndicatorList />} />
              <Route path="/m/:code/indicators/new" element={<IndicatorEdit />} />
              <Route path="/plans/:id" element={<PlanPage />} />
              <Route path="/indicators/:id" element={<IndicatorPage />} />
              <Route path="/indicators/:id/edit" element={<IndicatorEdit />} />
              <Route path="/m/:code/projects" element={<ProjectList />} />
              <Route path="/m/:code/projects/new" element={<ProjectNew />} />
              <Route path="/projects/:id" element={<ProjectPage />} />
              <Route path="/m/:code/events" element={<EventList />} />
              <Route path="/m/:code/events/new" element={<EventEdit />} />
              <Route path="/m/:code/participation" element={<ParticipationDashboard />} />
              <Route path="/m/:code/open-data" element={<OpenDataPage />} />
              <Route path="/m/:code/brokering" element={<BrokeringPage />} />
              <Route path="/events/:id" element={<EventPage />} />
              <Route path="/events/:id/edit" element={<EventEdit />} />
              <Route path="/events/:id/registrations" element={<EventRegistrations />} />
              <Route path="/events/:id/check-in" element={<EventCheckIn />} />
              <Route path="/events/:id/close" element={<EventClose />} />
              <Route path="/me" element={<MyPage />} />
              <Route path="*" element={<h1>{common.notFoundPage}</h1>} />
            </Routes>
          </Suspense>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
