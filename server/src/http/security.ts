// Security headers for everything the server sends (helmet), with a CSP that allows the app
// itself and nothing else: its own scripts, inline styles (React style props), data: images
// (QR codes), its own WebSocket, and blob: audio (a speech recording fetched with the join
// token, which an <audio> element cannot send itself).
import helmet from "helmet";

export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        "media-src": ["'self'", "blob:"],
        // Plain http on a LAN is a supported set-up: do not make browsers upgrade requests.
        "upgrade-insecure-requests": null,
      },
    },
  });
