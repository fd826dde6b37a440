// Launches the Debian Chromium through playwright-core (no browser download needed).
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * `fakeMedia`: a fake camera and microphone, granted without asking, audio played silently.
 * `refuseMedia` (with `fakeMedia`): the same devices, but without the fake permission prompt,
 * which headless Chromium refuses: a real NotAllowedError and a "denied" permission.
 * `home`: Chromium's HOME (its NSS database decides which CAs it trusts); `hosts`: names resolved
 * to 127.0.0.1 (e.g. yst.test), for the HTTPS and TURN tests.
 */
export async function launchChromium(
  options: { fakeMedia?: boolean; refuseMedia?: boolean; home?: string; hosts?: string[]; extraArgs?: string[] } = {},
): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/setup (apt-get install chromium)`);
  const media = [
    ...(options.refuseMedia ? [] : ["--use-fake-ui-for-media-stream"]),
    "--use-fake-device-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
    "--mute-audio",
  ];
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...(options.home ? { env: { ...process.env, HOME: options.home } } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      ...(options.fakeMedia ? media : []),
      ...(options.hosts ? [`--host-resolver-rules=${options.hosts.map((host) => `MAP ${host} 127.0.0.1`).join(", ")}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
}

export const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 768 } };
