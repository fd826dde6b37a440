import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queuePosition } from "@core/state.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { KindBadge } from "../floor/KindBadge.tsx";
import { InterjectionAction } from "../interjection/InterjectionAction.tsx";
import { placeInLine } from "../floor/speakingPlan.ts";
import { WrittenSpeechForm } from "./WrittenSpeechForm.tsx";
import { useActingRole } from "../meeting/useActingRole.ts";
import { memberTools } from "../meeting/memberTools.ts";
import { useBottomActionFocus } from "./useBottomActionFocus.ts";
import { useMyQueueAnnouncements } from "./useMyQueueAnnouncements.ts";

/**
 * The member's fixed bottom action: 申请发言 → 已申请 · 第 N 位 · 撤回; or, with the floor, 结束发言.
 * Secondary: 程序性发言 (to the top of the queue) and 书面发言 (text only) — not in a mediation, where a
 * party asks only to be heard in the joint session (memberTools). After each change the focus stays
 * on the bottom action's control and the change of my request is said once (useMyQueueAnnouncements).
 */
export function RequestButton() {
  const { t } = useTranslation();
  const { state, welcome, status } = useMeeting();
  const { run, pending, error, clearError } = useCommand();
  const [writing, setWriting] = useState(false);
  const sendWithdrawal = useMyQueueAnnouncements();
  // Speaking happens only in session; the status notice explains why there is no button.
  const acting = useActingRole();
  const me = welcome?.me.id;
  const stage = writing
    ? "writing"
    : state?.interjection?.participantId === me
      ? "interjecting"
      : state?.floor?.participantId === me
        ? "speaking"
        : me && state && queuePosition(state, me) >= 0
          ? "requested"
          : "idle";
  const disabled = pending || status !== "connected";
  const { area, main } = useBottomActionFocus(stage, disabled);
  if (!state || !me || state.status !== "open") return null;
  const tools = memberTools(state.kind, acting);
  if (!tools.request) return null;

  const mine = state.queue[queuePosition(state, me)];
  // The place in the order the chair is offered (a point of order first, booked speeches in plan order …).
  const place = placeInLine(state, me);
  const hasFloor = state.floor?.participantId === me;
  // Interjecting (插话): the bottom action is the interjection's own (countdown, 结束插话) alone.
  if (state.interjection?.participantId === me) {
    return (
      <div className="bottom-action" ref={area}>
        <InterjectionAction />
      </div>
    );
  }

  return (
    <div className="bottom-action" ref={area}>
      <ErrorNotice message={error} onClose={clearError} />
      {!writing && <InterjectionAction />}
      {writing ? (
        <WrittenSpeechForm onClose={() => setWriting(false)} />
      ) : hasFloor ? (
        <button
          ref={main}
          type="button"
          className="primary wide"
          disabled={disabled}
          onClick={() => void run({ type: "floor.end" })}
          data-testid="finish-speech"
        >
          {pending ? t("pending") : t("floor.finish")}
        </button>
      ) : mine ? (
        <div className="requested">
          <span data-testid="my-position">
            <Icon name="hand" /> {t("queue.requested", { position: place })} <KindBadge kind={mine.kind} />
          </span>
          <button
            ref={main}
            type="button"
            className="secondary"
            disabled={disabled}
            onClick={() => void sendWithdrawal(() => run({ type: "queue.withdraw" }))}
            data-testid="withdraw"
          >
            {pending ? t("pending") : t("queue.withdraw")}
          </button>
        </div>
      ) : (
        <button
          ref={main}
          type="button"
          className="primary wide"
          disabled={disabled}
          onClick={() => void run({ type: "queue.request" })}
          data-testid="request-floor"
        >
          <Icon name="hand" /> {pending ? t("pending") : t("queue.request")}
        </button>
      )}
      {!writing && (tools.written || tools.pointOfOrder) && (
        <div className="secondary-actions">
          {tools.written && (
            <button type="button" className="secondary" disabled={disabled} onClick={() => setWriting(true)} data-testid="written-open">
              {t("speaking.writtenOpen")}
            </button>
          )}
          {tools.pointOfOrder && !hasFloor && !mine && (
            <button
              type="button"
              className="secondary"
              disabled={disabled}
              onClick={() => void run({ type: "queue.request", kind: "pointOfOrder" })}
              data-testid="request-point-of-order"
            >
              {t("speaking.requestPointOfOrder")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
