import { ERROR_MESSAGES } from "@core/errors.ts";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { HttpError, api } from "../api.ts";
import type { Material } from "../types.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { ErrorLine, SuccessLine } from "../ui/Feedback.tsx";
import { formatSize } from "../ui/fileSize.ts";
import { errorText, useAdminT } from "../ui/useAdminT.ts";

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;
const ACCEPT = ".pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg";

const typeLabel = (material: Material): string => {
  const ext = /\.([a-z0-9]+)$/i.exec(material.fileName)?.[1];
  return (ext ?? material.mimeType.split("/")[1] ?? "").toUpperCase();
};

/** The materials of one agenda item: download links, delete, upload. */
export function Materials({
  meetingId,
  itemId,
  materials,
  editable,
  onChange,
}: {
  meetingId: string;
  itemId: string;
  materials: Material[];
  editable: boolean;
  onChange: (update: (materials: Material[]) => Material[]) => void;
}) {
  const { t } = useAdminT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ kind: "idle" } | { kind: "uploading" | "done"; name: string }>({ kind: "idle" });
  const [error, setError] = useState<{ name: string; error: unknown } | null>(null);
  const [deleting, setDeleting] = useState<Material | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    // The server enforces the limit; checking first spares a long upload that would be refused.
    if (file.size > MAX_MATERIAL_BYTES) {
      setStatus({ kind: "idle" });
      setError({ name: file.name, error: new HttpError(413, "FILE_TOO_LARGE", ERROR_MESSAGES.FILE_TOO_LARGE) });
      return;
    }
    setStatus({ kind: "uploading", name: file.name });
    try {
      const { material } = await api.uploadMaterial(meetingId, itemId, file);
      onChange((current) => [...current, material]);
      setStatus({ kind: "done", name: file.name });
    } catch (e) {
      setError({ name: file.name, error: e });
      setStatus({ kind: "idle" });
    }
  };

  return (
    <div className="materials" data-testid="materials">
      <h4>{t("agenda.materials")}</h4>
      {materials.length === 0 ? (
        <p className="muted small">{t("agenda.noMaterials")}</p>
      ) : (
        <ul className="material-list">
          {materials.map((material) => (
            <li key={material.id} data-testid="material">
              <span className="file-type" aria-hidden="true">
                {typeLabel(material)}
              </span>
              <a href={api.materialUrl(meetingId, material.id)} target="_blank" rel="noopener noreferrer" download={material.fileName}>
                {material.fileName}
              </a>
              <span className="muted small">{formatSize(material.size)}</span>
              {editable && (
                <button
                  type="button"
                  className="link danger-text"
                  onClick={() => setDeleting(material)}
                  aria-label={`${t("agenda.deleteMaterial")}: ${material.fileName}`}
                >
                  {t("common.delete")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="upload">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(e) => void upload(e)}
            data-testid="material-input"
          />
          <label htmlFor={inputId} className="button" aria-disabled={status.kind === "uploading"}>
            {t("agenda.upload")}
          </label>
          <span className="muted small">{t("agenda.uploadHint")}</span>
        </div>
      )}
      {status.kind === "uploading" && (
        <p className="muted small" role="status">
          {t("agenda.uploading", { name: status.name })}
        </p>
      )}
      {status.kind === "done" && <SuccessLine text={t("agenda.uploaded", { name: status.name })} />}
      {error && <ErrorLine error={new Error(t("agenda.uploadFailed", { name: error.name, reason: errorText(error.error) }))} />}
      {deleting && (
        <ConfirmDialog
          title={t("agenda.deleteMaterial")}
          text={t("agenda.deleteMaterialConfirm", { name: deleting.fileName })}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.deleteMaterial(meetingId, deleting.id);
            onChange((current) => current.filter((m) => m.id !== deleting.id));
            setStatus({ kind: "idle" });
          }}
        />
      )}
    </div>
  );
}
