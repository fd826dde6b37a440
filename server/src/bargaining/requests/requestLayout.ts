// The 要约书 as printed, in the customary layout: the title 工资集体协商要约书, the addressee (the other
// party), the body naming the legal basis and the request, the topics numbered 一、二、…, the proposed
// time and place, the 20-day answer §32 asks for, the contact, then the requesting party's seal
// line, its signatory and the date at the bottom right. Both file formats print this.
import { parties, REPLY_DAYS, type BargainingRequest } from "../../../../core/api/bargainingRequests.ts";
import { formatDay } from "../../../../core/minutes/format.ts";
import { formatLongDateTime } from "../../../../core/time/meetingTime.ts";

export const REQUEST_TITLE = "工资集体协商要约书";

export interface RequestLayout {
  title: string;
  /** 某某有限公司： */
  addressee: string;
  /** The body before the topics. */
  opening: string;
  /** 一、工资调整幅度 … */
  topics: string[];
  /** Time, place, the answer asked for, the contact. */
  closing: string[];
  /** 某某有限公司工会（盖章） */
  seal: string;
  /** 要约方代表（签字）：王强 */
  signatory: string;
  /** 2026年12月7日 */
  date: string;
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (the topics are at most 30). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

type Printed = Pick<
  BargainingRequest,
  "side" | "enterpriseName" | "unionName" | "topics" | "proposedAt" | "proposedPlace" | "requestedBy" | "contact" | "sentOn"
>;

export function requestLayout(request: Printed): RequestLayout {
  const { requester, addressee } = parties(request);
  return {
    title: REQUEST_TITLE,
    addressee: `${addressee}：`,
    opening:
      "根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《集体合同规定》和《工资集体协商试行办法》的有关规定，" +
      `本着依法、平等、协商一致的原则，${requester}向贵方提出进行工资集体协商的要约，建议就以下事项进行协商：`,
    topics: request.topics.map((topic, i) => `${chineseNumber(i + 1)}、${topic}`),
    closing: [
      `建议协商时间：${formatLongDateTime(Date.parse(request.proposedAt), { viewer: null })}`,
      `建议协商地点：${request.proposedPlace}`,
      `根据《集体合同规定》第三十二条，请贵方自收到本要约书之日起${REPLY_DAYS}日内以书面形式予以回应，无正当理由不得拒绝进行集体协商。`,
      `联系人及电话：${request.contact}`,
    ],
    seal: `${requester}（盖章）`,
    signatory: `要约方代表（签字）：${request.requestedBy}`,
    date: formatDay(request.sentOn),
  };
}

/** 工资集体协商要约书-某某有限公司工会-2026-12-07 (without extension). */
export const requestFileName = (request: Printed): string => `${REQUEST_TITLE}-${parties(request).requester}-${request.sentOn}`;
