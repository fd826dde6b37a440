import { describe, expect, it } from "vitest";
import { checkSdp, MAX_SDP_BYTES, publishedStreams } from "./sdp.ts";

const OFFER = [
  "v=0",
  "o=- 1 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "a=group:BUNDLE 0 1",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "c=IN IP4 0.0.0.0",
  "a=mid:0",
  "a=rtpmap:111 opus/48000/2",
  "m=video 9 UDP/TLS/RTP/SAVPF 96",
  "a=mid:1",
  "",
].join("\r\n");

describe("checkSdp", () => {
  it("accepts an audio/video offer and finds the audio mids", () => {
    expect(checkSdp(OFFER)).toEqual({ sdp: OFFER, audioMids: ["0"] });
  });

  it("refuses anything that is not a bounded audio/video session description", () => {
    expect(checkSdp(undefined)).toBeNull();
    expect(checkSdp(42)).toBeNull();
    expect(checkSdp({ sdp: OFFER })).toBeNull();
    expect(checkSdp("")).toBeNull();
    expect(checkSdp("hello")).toBeNull();
    expect(checkSdp(OFFER.replace("v=0", "v=1"))).toBeNull();
    expect(checkSdp("v=0\r\ns=-\r\n")).toBeNull(); // no media at all
    expect(checkSdp(OFFER + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n")).toBeNull();
    expect(checkSdp(OFFER + "a=x:" + "y".repeat(MAX_SDP_BYTES) + "\r\n")).toBeNull();
    expect(checkSdp(OFFER + "a=x:\u0000\r\n")).toBeNull();
    // An audio section without a mid could not be muted at Janus.
    expect(checkSdp(OFFER.replace("a=mid:0\r\n", ""))).toBeNull();
  });
});

describe("publishedStreams", () => {
  it("lists Janus's answer's sections in order with the codec it chose and its payload type", () => {
    const answer = [
      "v=0",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111",
      "a=mid:0",
      "a=rtpmap:111 opus/48000/2",
      "a=rtpmap:9 G722/8000",
      "m=video 9 UDP/TLS/RTP/SAVPF 100 101",
      "a=mid:1",
      "a=rtpmap:101 rtx/90000",
      "a=rtpmap:100 VP8/90000",
      "m=audio 0 UDP/TLS/RTP/SAVPF 0",
      "a=mid:2",
      "",
    ].join("\r\n");
    expect(publishedStreams(answer)).toEqual([
      { type: "audio", codec: "opus", payloadType: 111, mid: "0" },
      { type: "video", codec: "vp8", payloadType: 100, mid: "1" },
      { type: "audio", codec: "opus", payloadType: 0, mid: "2" },
    ]);
    expect(publishedStreams("v=0\r\n")).toEqual([]);
  });
});
