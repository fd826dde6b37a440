import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/i18n.ts";
import "./app/theme.css";
import { App } from "./app/App.tsx";
import { takeJoinToken } from "./app/joinToken.ts";
import { MeetingConnection } from "./connection/meetingConnection.ts";

// The connection lives outside React: one per tab, for the participant of the join link.
const token = takeJoinToken();
const connection = token ? new MeetingConnection(token) : null;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
