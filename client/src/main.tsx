import { StrictMode, Suspense, lazy } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/i18n.ts";
import "./app/theme.css";
import { App } from "./app/App.tsx";
import { LiveAnnouncer } from "./components/announcer/LiveAnnouncer.tsx";
import { takeJoinToken } from "./app/joinToken.ts";
import { applyTextSize, storedTextSize } from "./components/textSize/textSize.ts";
import { MeetingConnection } from "./connection/meetingConnection.ts";
import { checkinMeetingId, sectionOf, useLocation } from "./routing/location.ts";

// The organiser pages and the landing page are loaded only when needed: a member's phone
// downloads the live meeting alone.
const AdminApp = lazy(() => import("./admin/AdminApp.tsx"));
const Landing = lazy(() => import("./landing/Landing.tsx"));
const CheckinPage = lazy(() => import("./checkin/CheckinPage.tsx").then((m) => ({ default: m.CheckinPage })));
const IntakeApp = lazy(() => import("./intake/IntakeApp.tsx"));
const OwnLinkPage = lazy(() => import("./campaign/OwnLinkPage.tsx"));
const WorkerFormPage = lazy(() => import("./bargaining/proposals/WorkerFormPage.tsx"));

// 字号: this device's text size, before the first paint.
applyTextSize(storedTextSize());

// The connection lives outside React: one per tab, for the participant of the join link.
const initialSection = sectionOf(window.location.pathname, window.location.hash);
const token = initialSection === "meeting" ? takeJoinToken() : null;
const connection = token ? new MeetingConnection(token) : null;

function Root() {
  const { pathname } = useLocation();
  const section = sectionOf(pathname);
  if (section === "meeting" || initialSection === "meeting") return <App connection={connection} />;
  return (
    <Suspense fallback={null}>
      {section === "admin" ? (
        <AdminApp />
      ) : section === "checkin" ? (
        <CheckinPage meetingId={checkinMeetingId(pathname)} />
      ) : section === "intake" ? (
        <IntakeApp pathname={pathname} />
      ) : section === "ownLink" ? (
        <OwnLinkPage token={decodeURIComponent(pathname.split("/")[2] ?? "")} />
      ) : section === "workerForm" ? (
        <WorkerFormPage publicCode={decodeURIComponent(pathname.split("/")[2] ?? "")} />
      ) : (
        <Landing />
      )}
    </Suspense>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root />
    <LiveAnnouncer />
  </StrictMode>,
);
