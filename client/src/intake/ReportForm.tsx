// The report form (居民点单) of the public page and the grid worker's page: category, text,
// building/unit, up to 3 photos, name and phone or 网格悄悄话. Photos are checked for size here
// (the server checks everything again, by content).
import { useEffect, useState, type FormEvent } from "react";
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_REPORT_TEXT, REPORT_CATEGORIES, type ReportCategory } from "@core/intake/report.ts";
import { useIntakeT } from "../i18n/intake.ts";
import { errorText } from "./intakeApi.ts";

export interface ReportFormProps {
  buildings: readonly string[];
  /** Sends the multipart form; resolves once the report is stored. */
  submit: (form: FormData) => Promise<unknown>;
  /** The grid worker enters for a named resident. */
  onBehalf?: boolean;
}

export function ReportForm({ buildings, submit, onBehalf = false }: ReportFormProps) {
  const { t } = useIntakeT();
  const [category, setCategory] = useState<ReportCategory | "">("");
  const [text, setText] = useState("");
  const [location, setLocation] = useState("");
  const [photos, setPhotos] = useState<File[]>([]);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState("");
  const [sending, setSending] = useState(false);
  // Previews as data URLs: the page's CSP allows data: images, not blob: ones.
  const [previews, setPreviews] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(photos.map(dataUrl)).then((urls) => live && setPreviews(urls));
    return () => {
      live = false;
    };
  }, [photos]);

  const addPhotos = (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    const tooLarge = chosen.find((f) => f.size > MAX_PHOTO_BYTES);
    if (tooLarge) return setProblem(t("report.photoTooLarge", { name: tooLarge.name }));
    if (photos.length + chosen.length > MAX_PHOTOS) setProblem(t("report.tooManyPhotos", { max: MAX_PHOTOS }));
    else setProblem("");
    setPhotos([...photos, ...chosen].slice(0, MAX_PHOTOS));
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (category === "" || text.trim() === "") return;
    const form = new FormData();
    form.append("category", category);
    form.append("text", text.trim());
    form.append("location", location.trim());
    form.append("name", name.trim());
    form.append("phone", phone.trim());
    form.append("anonymous", String(anonymous));
    for (const photo of photos) form.append("photos", photo, photo.name);
    setSending(true);
    setProblem("");
    try {
      await submit(form);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="intake-form" onSubmit={(e) => void send(e)} data-testid="intake-form">
      <fieldset className="intake-categories">
        <legend>{t("report.category")}</legend>
        {REPORT_CATEGORIES.map((c) => (
          <label key={c} className={category === c ? "intake-chip chosen" : "intake-chip"}>
            <input
              type="radio"
              name="category"
              value={c}
              checked={category === c}
              onChange={() => setCategory(c)}
              required
              data-testid={`intake-category-${c}`}
            />
            {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      <label className="intake-field">
        {t("report.text")}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX_REPORT_TEXT}
          rows={5}
          required
          placeholder={t("report.textHint", { max: MAX_REPORT_TEXT })}
          data-testid="intake-text"
        />
      </label>
      <label className="intake-field">
        {t("report.location")}
        <input
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          maxLength={60}
          list="intake-buildings"
          placeholder={t("report.locationHint")}
          data-testid="intake-location"
        />
        <datalist id="intake-buildings">
          {buildings.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      </label>
      <div className="intake-field">
        <span>{t("report.photos")}</span>
        <span className="intake-hint">{t("report.photosHint", { max: MAX_PHOTOS })}</span>
        <div className="intake-photos">
          {previews.map((url, i) => (
            <figure key={i} className="intake-photo">
              <img src={url} alt="" />
              <button
                type="button"
                className="ghost"
                onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
                aria-label={t("report.removePhoto", { n: i + 1 })}
              >
                ×
              </button>
            </figure>
          ))}
          {photos.length < MAX_PHOTOS && (
            <label className="intake-add-photo">
              <input
                type="file"
                accept="image/*"
                multiple
                onChange={(e) => {
                  addPhotos(e.target.files);
                  e.target.value = "";
                }}
                data-testid="intake-photos"
              />
              {t("report.addPhoto")}
            </label>
          )}
        </div>
      </div>
      <label className="intake-field">
        {onBehalf ? t("grid.onBehalfName") : t("report.name")}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoComplete="name" data-testid="intake-name" />
      </label>
      <label className="intake-field">
        {t("report.phone")}
        <input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} inputMode="tel" autoComplete="tel" data-testid="intake-phone" />
      </label>
      <label className="intake-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="intake-anonymous" />
        <span>
          {t("report.anonymous")}
          <span className="intake-hint">{t("report.anonymousHint")}</span>
        </span>
      </label>
      <p className="intake-hint">{t("report.privacy")}</p>
      {problem && (
        <p className="error-notice" role="alert" data-testid="intake-error">
          {problem}
        </p>
      )}
      <button type="submit" className="primary wide" disabled={sending || category === "" || text.trim() === ""} data-testid="intake-submit">
        {sending ? t("report.sending") : t("report.submit")}
      </button>
    </form>
  );
}

const dataUrl = (file: File): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => resolve("");
    reader.readAsDataURL(file);
  });
