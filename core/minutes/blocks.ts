// The minutes as a flat list of typed blocks (title, 文号, headings, paragraphs, list entries,
// signature lines) with their Chinese wording. Markdown, DOCX and PDF all render these blocks,
// so the three formats say exactly the same thing; only the typography differs.
import { flatten } from "./format.ts";
import type { Minutes, MinutesPerson, MinutesPoll, MinutesText } from "./minutes.ts";
import type { MinutesBargaining } from "./bargainingRecord.ts";

export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: "title"; text: string }
  | { kind: "number"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; runs: Run[] }
  /** A numbered or bulleted entry; level 1 is nested under the entry before it. */
  | { kind: "entry"; level: 0 | 1; marker: string; runs: Run[] }
  /** Lines at the end (recorder, sign-off), set right. */
  | { kind: "signature"; runs: Run[] };

const SECTION_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const sectionNumber = (i: number) => `${SECTION_NUMERALS[i] ?? String(i + 1)}、`;

const who = (p: MinutesPerson): Run[] => [{ text: p.name, bold: true }, ...(p.affiliation ? [{ text: `（${p.affiliation}）` }] : [])];
const names = (people: readonly MinutesPerson[]) => people.map((p) => (p.affiliation ? `${p.name}（${p.affiliation}）` : p.name)).join("、");
/** Said after a text the clerk did not write, by where it comes from. */
const TAKEN_FROM: Partial<Record<MinutesText["source"], string>> = {
  submitted: "（据提交文稿摘录，待整理）",
  transcript: "（据速记稿摘录，待整理）",
  machineDraft: "（据机器草稿摘录，待整理）",
};
const noted = (t: MinutesText, label: string): Run[] => {
  if (t.source === "none") return [{ text: t.text }];
  const from = TAKEN_FROM[t.source];
  return [{ text: `${label}：` }, { text: t.text }, ...(from ? [{ text: from }] : [])];
};

/** 委托投票 and 纸质票 among a poll's ballots, said only when there were any. */
const proxyAndPaper = (p: MinutesPoll): string => {
  const parts = [...(p.proxies > 0 ? [`委托投票 ${p.proxies} ${p.unit === "户" ? "户" : "票"}`] : []), ...(p.paper > 0 ? [`纸质票 ${p.paper} 张`] : [])];
  return parts.length > 0 ? `，其中${parts.join("、")}` : "";
};

/**
 * A document's head: the meeting's title with what the document is (会议纪要, 会议实录), its
 * number (文号), and time, place, kind and chair where known. Shared by the minutes and the verbatim record.
 */
export function headerBlocks(h: Minutes["header"], document: string): Block[] {
  const out: Block[] = [{ kind: "title", text: `${h.title}${document}` }];
  if (h.number) out.push({ kind: "number", text: h.number });
  const meta: [string, string | null][] = [
    ["时间", [h.date, h.time].filter(Boolean).join(" ") || null],
    ["地点", h.place],
    ["会议类型", h.kind],
    [h.chairLabel, h.chair.length > 0 ? h.chair.join("、") : null],
  ];
  for (const [label, value] of meta) if (value) out.push({ kind: "paragraph", runs: [{ text: label, bold: true }, { text: `：${value}` }] });
  return out;
}

export function minutesBlocks(m: Minutes): Block[] {
  const h = m.header;
  const out: Block[] = headerBlocks(h, "会议纪要");

  let section = 0;
  out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}出席、列席和请假情况` });
  const a = m.attendance;
  out.push({
    kind: "paragraph",
    runs: [
      { text: `应到 ${a.expected} 人，出席 ${a.present.length} 人，请假 ${a.excused.length} 人，缺席 ${a.absent.length} 人；列席 ${a.attending.length} 人。` },
    ],
  });
  const lists: [string, MinutesPerson[]][] = [
    ["出席", a.present],
    [a.attendingLabel, a.attending],
    ["请假", a.excused],
    ["缺席", a.absent],
  ];
  for (const [label, people] of lists)
    if (people.length > 0) out.push({ kind: "paragraph", runs: [{ text: label, bold: true }, { text: `：${names(people)}` }] });

  out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}会议概况` });
  const o = m.overview;
  out.push({
    kind: "paragraph",
    runs: [
      {
        text: `会议共审议议题 ${m.items.filter((i) => i.label !== null).length} 项；${o.speeches} 人次发言，书面发言 ${o.written} 份，插话回应 ${o.responses} 次；表决 ${o.polls} 项；形成议定事项 ${o.decisions} 项，收集意见建议 ${o.suggestions} 条。`,
      },
    ],
  });

  if (m.bargaining !== null) {
    out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}协商记录` });
    out.push(...bargainingBlocks(m.bargaining));
  }

  for (const item of m.items) {
    out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}${item.label ? `${item.label}：` : ""}${item.title}` });
    if (item.presenter !== null || item.briefing !== null) {
      out.push({
        kind: "paragraph",
        runs: [
          ...(item.presenter !== null ? [{ text: `${item.presenter}作情况通报。` }] : []),
          ...(item.briefing !== null ? [{ text: item.presenter !== null ? "通报要点：" : "情况通报要点：" }, { text: item.briefing }] : []),
        ],
      });
    }

    if (item.speeches.length > 0) {
      out.push({ kind: "heading", level: 2, text: "（一）会议发言" });
      for (const s of item.speeches) {
        const when = [s.time, ...(s.duration ? [`时长 ${s.duration}`] : []), ...(s.ongoing ? ["发言中"] : [])].join("，");
        out.push({
          kind: "entry",
          level: 0,
          marker: `${s.order}.`,
          runs: [...who(s.speaker), { text: `：${s.kindLabel}${s.title ? `《${s.title}》` : ""}，${when}。` }, ...noted(s.summary, "发言要点")],
        });
        for (const r of s.responses) {
          out.push({
            kind: "entry",
            level: 1,
            marker: "-",
            runs: [
              { text: "插话回应：" },
              ...who(r.speaker),
              { text: r.point ? `就“${r.point}”作出回应` : "作出回应" },
              { text: `（${r.time}，${r.outcomeLabel}）。` },
              // Nothing written on the response: the line ends with its time and outcome, without a
              // placeholder (the missing summaries are listed before the chair approves).
              ...(r.summary.source === "none" ? [] : noted(r.summary, "回应要点")),
            ],
          });
        }
      }
    }
    const sub = subsections();
    if (item.written.length > 0) {
      out.push({ kind: "heading", level: 2, text: sub("书面发言", item.speeches.length > 0) });
      item.written.forEach((w, i) =>
        out.push({ kind: "entry", level: 0, marker: `${i + 1}.`, runs: [...who(w.author), { text: "。" }, ...noted(w.summary, "发言要点")] }),
      );
    }
    if (item.polls.length > 0) {
      out.push({ kind: "heading", level: 2, text: sub("表决情况", item.speeches.length > 0) });
      item.polls.forEach((p, i) => {
        out.push({ kind: "entry", level: 0, marker: `${i + 1}.`, runs: [{ text: p.title, bold: true }, { text: `（${p.ballot}表决，${p.form}）` }] });
        out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: `${p.ruleLabel}：${p.rule}${p.quorum ? `；${p.quorum}` : ""}` }] });
        out.push({
          kind: "entry",
          level: 1,
          marker: "-",
          runs: [
            {
              text: `应到 ${p.eligible} ${p.unit}，实到 ${p.present} ${p.unit}，投票 ${p.cast} ${p.unit === "户" ? "户" : "票"}${p.hands > 0 ? `（电子投票 ${p.ballots} 票，举手或纸质 ${p.hands} 票）` : ""}${p.blank + p.invalid > 0 ? `，其中空白票 ${p.blank} 张、废票 ${p.invalid} 张` : ""}${proxyAndPaper(p)}。`,
            },
          ],
        });
        for (const line of p.clauses) out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: `${line}。` }] });
        out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: `${p.counts.map((c) => `${c.label} ${c.count} 票`).join("，")}。` }] });
        out.push({
          kind: "entry",
          level: 1,
          marker: "-",
          runs: [
            { text: "表决结果：" },
            { text: p.resultLabel, bold: true },
            ...(p.elected.length > 0 ? [{ text: `（${p.elected.join("、")}）` }] : []),
            ...(p.tied.length > 0 ? [{ text: `；${p.tied.join("、")}得票相等，未能确定当选` }] : []),
            { text: "。" },
          ],
        });
      });
    }
    if (item.decisions.length > 0) {
      out.push({ kind: "heading", level: 2, text: sub("议定事项", item.speeches.length > 0) });
      item.decisions.forEach((d, i) => {
        const tail = [d.unit ? `责任单位：${d.unit}` : null, d.deadline ? `完成时限：${d.deadline}前` : null].filter(Boolean).join("；");
        out.push({ kind: "entry", level: 0, marker: `${i + 1}.`, runs: [{ text: d.text }, ...(tail ? [{ text: `（${tail}）` }] : [])] });
      });
    }
    if (item.suggestions.length > 0) {
      out.push({ kind: "heading", level: 2, text: sub("意见建议", item.speeches.length > 0) });
      item.suggestions.forEach((s, i) => {
        const tail = [`提出人：${s.proposer}`, s.department ? `承办单位：${s.department}` : null].filter(Boolean).join("；");
        out.push({
          kind: "entry",
          level: 0,
          marker: `${i + 1}.`,
          runs: [{ text: "《" }, { text: s.title, bold: true }, { text: `》（${tail}）` }, ...(s.text ? [{ text: `：${flatten(s.text)}` }] : [])],
        });
      });
    }
    // The chair sums up the item: its own paragraph, after everything the item produced.
    if (item.closing !== null) out.push({ kind: "paragraph", runs: [{ text: `${h.chairLabel}总结`, bold: true }, { text: `：${item.closing}` }] });
  }

  if (m.groups !== null) {
    out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}分组讨论情况` });
    out.push(...groupBlocks(m.groups));
  }

  if (m.closing !== null) {
    out.push({ kind: "heading", level: 1, text: `${sectionNumber(section)}${h.chairLabel}总结` });
    out.push({ kind: "paragraph", runs: [{ text: `${h.chairLabel}${h.chair.join("、")}作总结讲话。总结要点：` }, { text: m.closing }] });
  }

  if (m.distribution.length > 0) out.push({ kind: "paragraph", runs: [{ text: "分送", bold: true }, { text: `：${m.distribution.join("，")}。` }] });
  // Blank spaces are full-width (U+3000): the recorder and the chair sign on paper.
  out.push({ kind: "signature", runs: [{ text: `记录人：${m.recorder ?? "\u3000".repeat(6)}` }] });
  out.push({ kind: "signature", runs: [{ text: `主持人签发：${m.signOff || "\u3000".repeat(6)}\u3000\u3000（签字）` }] });
  out.push({ kind: "signature", runs: [{ text: "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日" }] });
  return out;
}

/** A sentence of runs ends with 。 unless the user's text already ends a sentence. */
const sentence = (runs: Run[]): Run[] => (/[。！？!?.…]$/.test(runs.at(-1)?.text.trimEnd() ?? "") ? runs : [...runs, { text: "。" }]);

/** 协商记录: the clauses with every offer and the result, the chair's handovers, the caucuses (times only), the suspensions. */
function bargainingBlocks(b: MinutesBargaining): Block[] {
  const out: Block[] = [];
  const agreed = b.clauses.filter((c) => c.agreed !== null).length;
  const offers = b.clauses.reduce((n, c) => n + c.offers.length, 0);
  out.push({
    kind: "paragraph",
    runs: [
      {
        text: `共协商条款 ${b.clauses.length} 项，其中双方确认一致 ${agreed} 项、未达成一致 ${b.clauses.length - agreed} 项；报价、还价 ${offers} 次，主持交接 ${b.handovers.length} 次，内部协商 ${b.caucuses.length} 次，中止 ${b.suspensions.length} 次。`,
      },
    ],
  });
  const sub = subsections();
  if (b.clauses.length > 0) {
    out.push({ kind: "heading", level: 2, text: sub("协商条款", false) });
    b.clauses.forEach((c, i) => {
      out.push({ kind: "entry", level: 0, marker: `${i + 1}.`, runs: [{ text: c.title, bold: true }] });
      for (const o of c.offers)
        out.push({
          kind: "entry",
          level: 1,
          marker: "-",
          runs: sentence([
            { text: `${o.sideLabel}${o.moveLabel}`, bold: true },
            { text: `（${o.time}，${o.by}）：` },
            { text: o.text },
            ...(o.reason !== null ? [{ text: "；理由：" }, { text: o.reason }] : []),
          ]),
        });
      if (c.offers.length === 0) out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: "尚无报价。" }] });
      out.push({
        kind: "entry",
        level: 1,
        marker: "-",
        runs:
          c.agreed !== null
            ? sentence([{ text: "结果：" }, { text: "双方首席代表确认一致", bold: true }, { text: `（${c.agreed.time}）：` }, { text: c.agreed.text }])
            : [{ text: "结果：" }, { text: "未达成一致", bold: true }, { text: "。" }],
      });
    });
  }
  if (b.handovers.length > 0) {
    out.push({ kind: "heading", level: 2, text: sub("主持交接", false) });
    b.handovers.forEach((h, i) => out.push({ kind: "entry", level: 0, marker: `${i + 1}.`, runs: [{ text: `${h.time}，主持由${h.from}移交${h.to}。` }] }));
  }
  if (b.caucuses.length > 0) {
    // The fact and the times only: what a side said among itself is never in the minutes.
    out.push({ kind: "heading", level: 2, text: sub("内部协商（背靠背）", false) });
    b.caucuses.forEach((c, i) =>
      out.push({
        kind: "entry",
        level: 0,
        marker: `${i + 1}.`,
        runs: [{ text: c.until === null ? `${c.sideLabel}内部协商 ${c.from}起，尚未结束。` : `${c.sideLabel}内部协商 ${c.from}—${c.until}。` }],
      }),
    );
  }
  if (b.suspensions.length > 0) {
    out.push({ kind: "heading", level: 2, text: sub("中止与恢复", false) });
    b.suspensions.forEach((s, i) => {
      out.push({
        kind: "entry",
        level: 0,
        marker: `${i + 1}.`,
        runs: sentence([{ text: "中止", bold: true }, { text: `（${s.time}，${s.by}）：` }, { text: s.reason }]),
      });
      out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: `未决事项：${s.openMatters.length > 0 ? s.openMatters.join("；") : "无"}。` }] });
      out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: `约定恢复时间：${s.resumeAt}。` }] });
      out.push({
        kind: "entry",
        level: 1,
        marker: "-",
        runs: s.resumedAt === null ? [{ text: "尚未恢复。" }] : [{ text: "恢复", bold: true }, { text: `：${s.resumedAt}。` }],
      });
    });
  }
  return out;
}

/** 分组讨论情况: how the plenary split, then each group — who convened and recorded it, and what it reported. */
function groupBlocks(groups: NonNullable<Minutes["groups"]>): Block[] {
  const out: Block[] = [
    {
      kind: "paragraph",
      runs: [{ text: `会议${groups.method}，分 ${groups.list.length} 个小组进行讨论。` }],
    },
  ];
  groups.list.forEach((g, i) => {
    out.push({ kind: "heading", level: 2, text: `（${SECTION_NUMERALS[i] ?? i + 1}）${g.name}` });
    const facts = [
      `召集人：${g.convener.name}`,
      ...(g.clerk ? [`记录员：${g.clerk}`] : []),
      ...(g.place ? [`地点：${g.place}`] : []),
      `参加 ${g.members} 人`,
      ...(g.topic ? [`议题：${g.topic}`] : []),
    ];
    out.push({ kind: "paragraph", runs: [{ text: `${facts.join("；")}。` }] });
    out.push({
      kind: "paragraph",
      runs: g.summary !== null ? [{ text: "汇报要点", bold: true }, { text: `：${flatten(g.summary)}` }] : [{ text: "（未报送小组汇报要点）" }],
    });
    g.suggestions.forEach((s, n) =>
      out.push({ kind: "entry", level: 0, marker: `${n + 1}.`, runs: [{ text: flatten(s.text) }, ...(s.by ? [{ text: `（提出人：${s.by}）` }] : [])] }),
    );
  });
  return out;
}

/** Numbers the sub-sections of an item: （一）is the speeches when there are any. */
function subsections(): (title: string, afterSpeeches: boolean) => string {
  let n = 0;
  return (title, afterSpeeches) => {
    n += 1;
    return `（${SECTION_NUMERALS[n - 1 + (afterSpeeches ? 1 : 0)] ?? n}）${title}`;
  };
}
