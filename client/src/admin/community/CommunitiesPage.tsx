// 社区 (/admin/communities, the secretariat): the communities with their households count, a new
// one, and each community's residents' report link with its QR code (notice board, WeChat group).
import "./community.css";
import { useEffect, useId, useState, type FormEvent } from "react";
import type { Community } from "@core/api/community.ts";
import { IntakeLinkResponse } from "@core/api/intake.ts";
import { useIntakeT } from "../../i18n/intake.ts";
import { request } from "../api.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { communityApi } from "./communityApi.ts";

export function CommunitiesPage() {
  const { t } = useIntakeT();
  const [communities, setCommunities] = useState<Community[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState("");
  const [attempt, setAttempt] = useState(0);
  const id = useId();

  useEffect(() => {
    let live = true;
    communityApi.communities().then(
      ({ communities: list }) => live && setCommunities(list),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await communityApi.createCommunity(name.trim());
      setName("");
      setAttempt((a) => a + 1);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="admin-page" data-testid="communities-page">
      <h1>{t("admin.title")}</h1>
      <p className="muted">{t("admin.intro")}</p>
      <form className="community-add" onSubmit={(e) => void create(e)}>
        <label htmlFor={`${id}-name`}>{t("admin.name")}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required data-testid="community-name" />
        <button type="submit" className="primary" disabled={!name.trim()} data-testid="community-create">
          {t("admin.create")}
        </button>
      </form>
      <ErrorLine error={error} />
      {communities === null && !error && <Loading />}
      {communities?.length === 0 && <p className="muted">{t("admin.empty")}</p>}
      {communities?.map((community) => (
        <CommunityRow key={community.id} community={community} onChanged={() => setAttempt((a) => a + 1)} />
      ))}
    </section>
  );
}

function CommunityRow({ community, onChanged }: { community: Community; onChanged: () => void }) {
  const { t } = useIntakeT();
  const id = useId();
  const [link, setLink] = useState<{ url: string; qrSvg: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setImported(null);
    try {
      setImported((await communityApi.importHouseholds(community.id, file)).households.length);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const show = () =>
    request("GET", `/api/communities/${encodeURIComponent(community.id)}/intake-link`, IntakeLinkResponse).then(setLink, (e: unknown) => setError(e));
  return (
    <article className="admin-card" data-testid="community-row">
      <h2>{community.name}</h2>
      <p data-testid="community-households">{t("admin.households", { count: community.households })}</p>
      <p className="community-import">
        <label htmlFor={`${id}-households`}>{t("admin.importHouseholds")}</label>
        <input
          id={`${id}-households`}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void importFile(e.target.files?.[0])}
          data-testid="community-import-households"
        />
        {imported !== null && (
          <span className="success" role="status" data-testid="community-imported">
            {t("admin.imported", { count: imported })}
          </span>
        )}
      </p>
      {link ? (
        <div className="community-link">
          <p className="muted">{t("admin.link")}</p>
          <p>
            <a href={link.url} target="_blank" rel="noreferrer" data-testid="community-link">
              {link.url}
            </a>
          </p>
          <img
            className="qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
            alt={t("admin.qr", { name: community.name })}
            width={200}
            height={200}
          />
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => void show()} data-testid="community-show-link">
          {t("admin.show")}
        </button>
      )}
      <ErrorLine error={error} />
    </article>
  );
}
