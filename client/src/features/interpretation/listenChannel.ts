// The interpretation channel (传译, docs/media.md#interpretation-传译, issue 24): which channel a page
// listens on and whom it then expects to hear. No React and no WebRTC here (unit-tested in
// listenChannel.test.ts); useMediaSession and MediaSession act on it.
import type { Interpretation } from "@core/interpretation/schema.ts";
import type { ListenChannel } from "@core/protocol.ts";
import type { Role } from "@core/roles.ts";

/** floor: the speakers themselves (原声); interpretation: the interpreter's voice instead (传译). */
export type { ListenChannel };

/** Who interprets into what (state.interpretation). */
export type InterpretationNow = Interpretation;

/**
 * Whether this page offers the choice 原声 / 传译: every listening screen (member, official,
 * observer, on a phone or a desktop), not the chair's console, the clerk's workspace or the room
 * display (which plays the floor to the room). `role` is the role the page is shown for (the acting role).
 */
export function offersChannelChoice(role: Role | null, display: boolean): boolean {
  return !display && role !== null && role !== "chair" && role !== "clerk";
}

/**
 * The channel this page listens on. The member's choice is kept per device as the language they
 * chose to hear (mediaPrefs.interpretation): it holds while an interpretation into that language
 * runs; with none, or another language, the page listens to the floor (原声 is the default). The
 * interpreter listens to the floor (they interpret it), whatever the device once saved.
 */
export function listenChannel(options: {
  interpretation: InterpretationNow | null;
  me: string | undefined;
  offered: boolean;
  chosenLanguage: string | undefined;
}): ListenChannel {
  const { interpretation, me, offered, chosenLanguage } = options;
  if (!interpretation || !offered || chosenLanguage === undefined) return "floor";
  if (interpretation.interpreterId === me) return "floor";
  return chosenLanguage === interpretation.language ? "interpretation" : "floor";
}

/**
 * Whom a subscription is expected to carry audio from (self-healing's "expected to hear"): on the
 * floor channel whoever may be heard (audibleParticipants); on the interpretation channel the
 * interpreter alone (the speakers' audio is not in it). `given` is the channel the server gave
 * (the subscribe acknowledgement's `channel`; absent from an older server: the floor).
 */
export function expectedToHear(given: ListenChannel | undefined, audible: readonly string[], interpreter: string | null): readonly string[] {
  if (given === "interpretation") return interpreter ? [interpreter] : [];
  return audible;
}
