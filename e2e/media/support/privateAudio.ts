// A page in a private audio room (a caucus side's or a separate talk's, server/src/media/privateAudio.ts)
// driven from a test through a harness socket, and a stranger at Janus's AudioBridge API.
import Janode from "janode";
import AudioBridgePlugin, { type AudioBridgeHandle } from "janode/plugins/audiobridge";
import type { Page } from "playwright-core";
import type { TestClient } from "../../../testing/server/harness.ts";
import { audioEnergyOver } from "./audio.ts";
import { emit } from "./socketMedia.ts";

/**
 * The page (from socketMedia.ts's newPage) joins the kind's private room with its fake microphone
 * (send and receive), playing what it hears; its connection is `window.privateAudio`.
 */
export async function joinPrivateAudio(
  page: Page,
  client: TestClient,
  event: "media.caucusJoin" | "media.talkJoin",
): Promise<{ ok: boolean; error?: { code: string } }> {
  const offer = await page.evaluate(`(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    if (window.privateAudio) window.privateAudio.close();
    const pc = new RTCPeerConnection();
    window.privateAudio = pc;
    pc.addTransceiver(stream.getAudioTracks()[0], { direction: "sendrecv" });
    pc.ontrack = (event) => {
      const audio = document.createElement("audio");
      audio.srcObject = new MediaStream([event.track]);
      audio.autoplay = true;
      document.body.append(audio);
      void audio.play().catch(() => undefined);
    };
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`);
  const ack = await emit<{ sdp: string }>(client, event, { sdp: offer });
  if (ack.ok) await page.evaluate(`window.privateAudio.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(ack.sdp)} })`);
  return ack;
}

/** Audio energy the page's private room connection received during `ms`: the mix is sent even when silent, so bytes prove nothing. */
export const privateEnergyOver = (page: Page, ms: number): Promise<number> => audioEnergyOver(page, "[window.privateAudio]", ms);

/** The page's private room connection's state (connected, disconnected, failed, closed…). */
export const privateConnectionState = (page: Page) => page.evaluate(`window.privateAudio.connectionState`) as Promise<string>;

/** A janode handle of our own on the AudioBridge, as anyone reaching Janus's API (on `wsPort`) would have. */
export async function janusOutsider(wsPort: number): Promise<{ handle: AudioBridgeHandle; close: () => Promise<void> }> {
  const connection = await Janode.connect({ address: { url: `ws://127.0.0.1:${wsPort}` }, max_retries: 0 });
  const session = await connection.create();
  const handle = await session.attach<AudioBridgeHandle>(AudioBridgePlugin);
  return { handle, close: () => connection.close() };
}
