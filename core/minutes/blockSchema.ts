// The minutes' blocks (blocks.ts) as a zod schema, for versions saved by the editor: the same
// closed set of kinds and fields, nothing else, with bounded sizes so a saved version stays a
// document (the request body limit bounds the whole; these bound each piece).
import { z } from "zod";
import type { Block } from "./blocks.ts";

export const MINUTES_LIMITS = { blocks: 2000, runsPerBlock: 200, text: 4000, marker: 20 } as const;

const Text = z.string().max(MINUTES_LIMITS.text);
export const RunSchema = z.object({ text: Text, bold: z.boolean().optional() }).strict();
const Runs = z.array(RunSchema).max(MINUTES_LIMITS.runsPerBlock);

export const BlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("title"), text: Text }).strict(),
  z.object({ kind: z.literal("number"), text: Text }).strict(),
  z.object({ kind: z.literal("heading"), level: z.union([z.literal(1), z.literal(2)]), text: Text }).strict(),
  z.object({ kind: z.literal("paragraph"), runs: Runs }).strict(),
  z.object({ kind: z.literal("entry"), level: z.union([z.literal(0), z.literal(1)]), marker: z.string().max(MINUTES_LIMITS.marker), runs: Runs }).strict(),
  z.object({ kind: z.literal("signature"), runs: Runs }).strict(),
]) satisfies z.ZodType<Block>;

export const BlocksSchema = z.array(BlockSchema).min(1).max(MINUTES_LIMITS.blocks);
