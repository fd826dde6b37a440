// Audio follows the floor: my microphone (and camera) is published while I may be heard (I am
// the chair, or I hold the floor, or I interpret: 传译), and I listen to whoever may be heard. The server mutes
// everyone else at the media server; this shows plainly whether my microphone is live.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { audibleParticipants, interpreterOf } from "@core/media/audible.ts";
import { SPEAKING_ROLES } from "@core/roles.ts";
import { publishes } from "@core/media/recording.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMediaSession } from "./useMediaSession.ts";
import { useMicProblem } from "./settings/micProblemStore.ts";
import { resetMic, setMicOpen, setMicStatus, useMicConsent } from "./micConsent.ts";
import "./media.css";

const LABELS = { live: "media.micOn", off: "media.micOff", refused: "media.micRefused" } as const;

export function MicState() {
  const { t } = useTranslation();
  const { welcome, state } = useMeeting();
  const me = welcome?.me.id;
  // The interpreter (传译) is heard on the interpretation channel all the time they are assigned.
  const interpreting = Boolean(state && me !== undefined && !welcome?.display && interpreterOf(state) === me);
  const onFloor = Boolean(state && me !== undefined && !welcome?.display && audibleParticipants(state).has(me));
  const mayBeHeard = onFloor || interpreting;
  // The floor holder keeps publishing while an interjection has the floor (muted at the media
  // server), so the speech stays one recording; the page then says the microphone is off.
  const publishing = Boolean(state && me !== undefined && !welcome?.display && publishes(state, me));
  // A member or official opens their microphone with a tap once given the floor (as in Tencent
  // Meeting) and may close it again (silenced, still one recording); the chair's is simply open.
  // The interpreter, whatever their role, opens it with a tap too (the same button, in their banner).
  const tapToOpen = Boolean(welcome && (SPEAKING_ROLES.includes(welcome.me.role) || interpreting));
  const consent = useMicConsent();
  // The interpreter's camera stays off: listeners to the interpretation get the speakers' video and the interpreter's voice.
  const voiceOnly = interpreting && !onFloor;
  const session = useMediaSession(publishing && (!tapToOpen || consent.opened), tapToOpen && !consent.open, voiceOnly);
  const problem = useMicProblem();
  // The tap holds for this turn only. Where the organisers set it, the turn starts with the
  // microphone open (as if tapped); the member can still close it.
  const opensOnFloor = state?.micOpensOnFloor === true;
  useEffect(() => {
    if (!publishing) resetMic();
    else if (tapToOpen && opensOnFloor) setMicOpen(true);
  }, [publishing, tapToOpen, opensOnFloor]);
  const display = Boolean(welcome?.display);
  const mic = session === "live" && (!mayBeHeard || (tapToOpen && !consent.open)) ? "off" : session;
  useEffect(() => {
    setMicStatus(display ? null : mic);
  }, [mic, display]);
  if (mic === null || display) return null;
  return (
    <p className={`mic-state mic-${mic}`} role="status" data-testid="mic-state" data-live={mic === "live"}>
      <Icon name={mic === "refused" ? "warning" : mic === "live" ? "mic" : "micOff"} />
      {/* Refused: say why and what to do (permission, no device, busy, not https). */}
      {mic === "refused" && problem ? t(`micProblem.${problem}`) : t(LABELS[mic])}
    </p>
  );
}
