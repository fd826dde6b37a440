// Role, side (方) and chief (首席代表) values as they appear in rosters, both ways.
import type { Role } from "../../../core/roles.ts";
import type { ParticipantInput } from "./rosterTypes.ts";

/** Lower-cased, spaces removed, full-width forms folded, and a trailing note in brackets
 *  dropped: "主持人（社区党支部书记）" → "主持人", "记录员(双方认可)" → "记录员". */
export function normaliseLabel(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[([【][^)\]】]*[)\]】]$/u, "")
    .toLowerCase();
}

const ROLE_LABELS: Record<Role, readonly string[]> = {
  chair: ["主持人", "主持", "主席", "召集人", "chair", "chairperson", "host"],
  member: ["委员", "代表", "居民代表", "协商代表", "职工代表", "企业代表", "议事代表", "成员", "member", "representative", "delegate"],
  official: [
    "列席",
    "列席人员",
    "特邀",
    "特邀嘉宾",
    "部门负责人",
    "政府部门",
    "official",
    // community meetings: the property company, the grid worker and the street office take
    // part without being residents' representatives
    "物业",
    "物业公司",
    "物业公司代表",
    "物业代表",
    "网格员",
    "街道",
    "街道工作人员",
    "街道办",
    "社区工作人员",
  ],
  clerk: ["记录员", "记录", "记录人", "书记员", "会议记录", "clerk", "recorder", "secretary"],
  observer: ["旁听", "旁听人员", "observer", "guest"],
};

const ROLE_BY_LABEL = new Map<string, Role>(
  Object.entries(ROLE_LABELS).flatMap(([role, labels]) => labels.map((l) => [normaliseLabel(l), role as Role] as const)),
);

export function roleFromLabel(value: string): Role | undefined {
  return ROLE_BY_LABEL.get(normaliseLabel(value));
}

const SIDE_BY_LABEL = new Map<string, NonNullable<ParticipantInput["side"]>>([
  ["职工方", "worker"],
  ["职工", "worker"],
  ["工会方", "worker"],
  ["劳方", "worker"],
  ["worker", "worker"],
  ["workers", "worker"],
  ["企业方", "enterprise"],
  ["企业", "enterprise"],
  ["资方", "enterprise"],
  ["enterprise", "enterprise"],
  ["employer", "enterprise"],
]);

export function sideFromLabel(value: string): ParticipantInput["side"] | undefined {
  return SIDE_BY_LABEL.get(normaliseLabel(value));
}

const CHIEF_BY_LABEL = new Map<string, boolean>([
  ["是", true],
  ["首席", true],
  ["首席代表", true],
  ["y", true],
  ["yes", true],
  ["true", true],
  ["1", true],
  ["√", true],
  ["✓", true],
  ["否", false],
  ["不是", false],
  ["n", false],
  ["no", false],
  ["false", false],
  ["0", false],
]);

export function chiefFromLabel(value: string): boolean | undefined {
  return CHIEF_BY_LABEL.get(normaliseLabel(value));
}

/** The Chinese label written on export; each maps back to the same role on import. */
export function roleLabel(p: Pick<ParticipantInput, "role" | "side" | "household">): string {
  switch (p.role) {
    case "chair":
      return "主持人";
    case "member":
      return p.side ? "代表" : p.household ? "居民代表" : "委员";
    case "official":
      return "列席";
    case "clerk":
      return "记录员";
    case "observer":
      return "旁听";
  }
}

export const sideLabel = (side: ParticipantInput["side"]): string => (side === "worker" ? "职工方" : side === "enterprise" ? "企业方" : "");
