// The communities' REST endpoints (docs/community.md): communities and their households.
import { CommunitiesResponse, CommunityResponse, HouseholdsResponse, type HouseholdInput } from "@core/api/community.ts";
import { request } from "../api.ts";

const enc = encodeURIComponent;

export const communityApi = {
  communities: () => request("GET", "/api/communities", CommunitiesResponse),
  community: (id: string) => request("GET", `/api/communities/${enc(id)}`, CommunityResponse),
  createCommunity: (name: string) => request("POST", "/api/communities", CommunityResponse, { name }),
  households: (id: string) => request("GET", `/api/communities/${enc(id)}/households`, HouseholdsResponse),
  addHouseholds: (id: string, households: HouseholdInput[]) => request("POST", `/api/communities/${enc(id)}/households`, HouseholdsResponse, { households }),
  /** A household roster file (CSV or XLSX), all or nothing. */
  importHouseholds: (id: string, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request("POST", `/api/communities/${enc(id)}/households/import`, HouseholdsResponse, form);
  },
};
