// The union's pages of the workers' proposals over HTTP (docs/bargaining.md "Proposals"), with the
// session cookie (the worker's page has its own client: workerApi.ts).
import {
  CollectionLinkResponse,
  CollectionResponse,
  CollectionsResponse,
  CollectionViewResponse,
  FormResponse,
  ProposalResponse,
  ProposalsResponse,
  type CollectionEdit,
  type FormInput,
  type NewCollection,
  type ProposalEdit,
  type ProposalInput,
} from "@core/api/bargainingProposals.ts";
import { request } from "../../admin/api.ts";

const enc = encodeURIComponent;
const c = (id: string) => `/api/bargaining/proposals/collections/${enc(id)}`;

/** The union's pages (admin, organiser). */
export const proposalsApi = {
  collections: () => request("GET", "/api/bargaining/proposals/collections", CollectionsResponse),
  create: (input: NewCollection) => request("POST", "/api/bargaining/proposals/collections", CollectionResponse, input),
  view: (id: string) => request("GET", c(id), CollectionViewResponse),
  edit: (id: string, edit: CollectionEdit) => request("PATCH", c(id), CollectionResponse, edit),
  link: (id: string) => request("GET", `${c(id)}/link`, CollectionLinkResponse),
  addPaper: (id: string, form: FormInput) => request("POST", `${c(id)}/forms`, FormResponse, form),
  createProposal: (id: string, input: ProposalInput) => request("POST", `${c(id)}/proposals`, ProposalResponse, input),
  editProposal: (id: string, proposalId: string, edit: ProposalEdit) => request("PATCH", `${c(id)}/proposals/${enc(proposalId)}`, ProposalResponse, edit),
  removeProposal: (id: string, proposalId: string) => request("DELETE", `${c(id)}/proposals/${enc(proposalId)}`, ProposalsResponse),
};
