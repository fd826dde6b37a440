// The page's ICE servers: kept until a minute before the credentials expire, then asked for again;
// no answer means no TURN (docs/media.md#turn).
import { describe, expect, it } from "vitest";
import type { Ack, IceServersResult } from "@core/protocol.ts";
import { IceServers } from "./iceServers.ts";

const TURN = { urls: ["turns:turn.example.org:443?transport=tcp"], username: "1000:abc", credential: "c2VjcmV0" };

function server(answers: (Ack<IceServersResult> | null)[]) {
  const asked: string[] = [];
  const request = (event: "media.iceServers") => {
    asked.push(event);
    return Promise.resolve(answers.shift() ?? null);
  };
  return { asked, request };
}

describe("IceServers", () => {
  it("keeps minted credentials until a minute before they expire", async () => {
    let now = 0;
    const { asked, request } = server([
      { ok: true, iceServers: [TURN], expiresAt: 600_000 },
      { ok: true, iceServers: [{ ...TURN, username: "2000:abc" }], expiresAt: 1_200_000 },
    ]);
    const ice = new IceServers(request, () => now);
    expect(await ice.configuration()).toEqual({ iceServers: [TURN] });
    now = 539_999;
    expect(await ice.configuration()).toEqual({ iceServers: [TURN] });
    expect(asked).toHaveLength(1);
    now = 540_000;
    expect((await ice.configuration()).iceServers?.[0]).toMatchObject({ username: "2000:abc" });
    expect(asked).toHaveLength(2);
  });

  it("goes without TURN when the server has none or does not answer, and asks again later", async () => {
    let now = 0;
    const { asked, request } = server([{ ok: true, iceServers: [], expiresAt: null }, null, { ok: true, iceServers: [TURN], expiresAt: 10_000_000 }]);
    const ice = new IceServers(request, () => now);
    expect(await ice.configuration()).toEqual({});
    expect(await ice.configuration()).toEqual({});
    expect(asked).toHaveLength(1);
    now = 600_000;
    expect(await ice.configuration()).toEqual({});
    expect(await ice.configuration()).toEqual({ iceServers: [TURN] });
    expect(asked).toHaveLength(3);
  });
});
