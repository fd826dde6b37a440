import { useEffect, useRef } from "react";
import { useMediationAgreementT } from "../../i18n/mediationAgreement.ts";

/**
 * A drawn signature on a canvas (finger or pen), where the phone allows a canvas; `onChange` gets
 * the PNG data URL after each stroke, or null when cleared.
 */
export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const { t } = useMediationAgreementT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    ctx.lineWidth = 3;
    ctx.lineCap = "round";
    ctx.strokeStyle = "#111";
    let drawing = false;
    const point = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return [((e.clientX - r.left) * el.width) / r.width, ((e.clientY - r.top) * el.height) / r.height] as const;
    };
    const down = (e: PointerEvent) => {
      drawing = true;
      el.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(...point(e));
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      ctx.lineTo(...point(e));
      ctx.stroke();
    };
    const up = () => {
      if (!drawing) return;
      drawing = false;
      onChange(el.toDataURL("image/png"));
    };
    el.addEventListener("pointerdown", down);
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
    return () => {
      el.removeEventListener("pointerdown", down);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", up);
    };
  }, [onChange]);
  const clear = () => {
    const el = canvas.current;
    el?.getContext("2d")?.clearRect(0, 0, el.width, el.height);
    onChange(null);
  };
  return (
    <div className="ma-pad">
      <div className="ma-pad-head">
        <span className="confirmation-label">{t("party.draw")}</span>
        <button type="button" onClick={clear} data-testid="ma-signature-clear">
          {t("party.clear")}
        </button>
      </div>
      <canvas ref={canvas} width={600} height={200} data-testid="ma-signature-pad" aria-label={t("party.draw")} />
    </div>
  );
}
