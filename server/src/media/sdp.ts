// Checks an SDP that a browser sends through our socket before it reaches Janus: a string of
// bounded size, a session description ("v=0"), and only audio/video media sections.
export const MAX_SDP_BYTES = 64 * 1024;

export interface CheckedSdp {
  sdp: string;
  /** The `a=mid` of each audio section, in order (what VideoRoom `moderate` mutes). */
  audioMids: string[];
}

export function checkSdp(input: unknown): CheckedSdp | null {
  if (typeof input !== "string" || input.length === 0 || Buffer.byteLength(input, "utf8") > MAX_SDP_BYTES) return null;
  if (!input.startsWith("v=0\r\n") && !input.startsWith("v=0\n")) return null;
  // Printable text only (no NUL or other control characters besides CR/LF/TAB).
  if (/[^\t\r\n\x20-\x7e\u00a0-\uffff]/.test(input)) return null;
  const audioMids: string[] = [];
  let kind: string | null = null;
  let sections = 0;
  let audioSections = 0;
  for (const line of input.split(/\r?\n/)) {
    if (line.startsWith("m=")) {
      kind = line.slice(2).split(" ")[0] ?? "";
      if (kind !== "audio" && kind !== "video") return null;
      sections++;
      if (kind === "audio") audioSections++;
    } else if (kind === "audio" && line.startsWith("a=mid:")) {
      audioMids.push(line.slice("a=mid:".length).trim());
    }
  }
  if (sections === 0) return null;
  // Every audio section needs exactly one mid: floor control mutes audio by mid at Janus.
  if (audioMids.length !== audioSections || audioMids.some((mid) => mid === "")) return null;
  return { sdp: input, audioMids };
}

/** A media section of a publisher as Janus answered it, in m-line order (what an edge's slot must copy). */
export interface PublishedStream {
  type: "audio" | "video";
  codec: string;
  /** The payload type of that codec (what the audio mix's inlet expects, audioMix.ts). */
  payloadType: number;
  /** Its `a=mid` at the origin ("" when the section has none). */
  mid: string;
}

const DEFAULT_CODEC = { audio: "opus", video: "vp8" } as const;

/** The media sections of Janus's answer to a publisher: type and the codec it chose (rtpmap of the first payload type). */
export function publishedStreams(answer: string): PublishedStream[] {
  const streams: { type: "audio" | "video"; pt: string; codec?: string; mid: string }[] = [];
  for (const line of answer.split(/\r?\n/)) {
    const media = /^m=(audio|video) \d+ \S+ (\d+)/.exec(line);
    if (media) streams.push({ type: media[1] as "audio" | "video", pt: media[2]!, mid: "" });
    const current = streams.at(-1);
    if (!current) continue;
    const rtpmap = /^a=rtpmap:(\d+) ([^/\s]+)/.exec(line);
    if (rtpmap && current.codec === undefined && rtpmap[1] === current.pt) current.codec = rtpmap[2]!.toLowerCase();
    if (line.startsWith("a=mid:")) current.mid = line.slice("a=mid:".length).trim();
  }
  return streams.map(({ type, pt, codec, mid }) => ({ type, codec: codec ?? DEFAULT_CODEC[type], payloadType: Number(pt), mid }));
}
