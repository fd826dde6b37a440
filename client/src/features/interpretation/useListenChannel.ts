// 原声 / 传译 on this page: the running interpretation (if the meeting is not closed), whether this
// page offers the choice, and the channel in effect (listenChannel.ts). The media session and the
// choice read the same, so what the member sees chosen is what the page listens to.
import { interpreterOf } from "@core/media/audible.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { saveMediaPrefs, useMediaPrefs } from "../media/mediaPrefs.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { listenChannel, offersChannelChoice, type InterpretationNow, type ListenChannel } from "./listenChannel.ts";

export interface ListenChannelNow {
  /** Who interprets into what, while the meeting is open to it; null: no interpretation. */
  interpretation: InterpretationNow | null;
  /** Whether this page shows the choice (a listener's page, not the interpreter's). */
  offered: boolean;
  channel: ListenChannel;
}

export function useListenChannel(): ListenChannelNow {
  const { welcome, state } = useMeeting();
  const prefs = useMediaPrefs();
  const role = useActingRole();
  const interpreter = state ? interpreterOf(state) : null;
  const interpretation = interpreter && state?.interpretation ? state.interpretation : null;
  const me = welcome?.me.id;
  const offered = offersChannelChoice(role, Boolean(welcome?.display)) && interpretation !== null && interpretation.interpreterId !== me;
  return { interpretation, offered, channel: listenChannel({ interpretation, me, offered, chosenLanguage: prefs.interpretation }) };
}

/** The member's choice, kept on this device: the language heard (传译), or the floor (原声). */
export function chooseChannel(channel: ListenChannel, interpretation: InterpretationNow | null): void {
  saveMediaPrefs({ interpretation: channel === "interpretation" && interpretation ? interpretation.language : undefined });
}
