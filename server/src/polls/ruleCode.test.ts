// No float decides a vote: in the rule code (core/poll) every comparison is between integers (counts,
// fixed-point weights, n/d shares cross-multiplied). This reads the source with the TypeScript
// parser and fails on a comparison whose operands divide, use a percentage or a decimal literal.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const RULE_CODE = ["rules.ts", "warnings.ts", "decide.ts", "eligibility.ts"];
const COMPARISONS = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Why an operand may be a float: a division, a percentage, a decimal literal; null when none. */
function floaty(node: ts.Node): string | null {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.SlashToken) return "a division";
  if (ts.isNumericLiteral(node) && /[.e]/i.test(node.text)) return `the decimal ${node.text}`;
  if (ts.isIdentifier(node) && /percent/i.test(node.text)) return `the percentage ${node.text}`;
  let found: string | null = null;
  node.forEachChild((child) => {
    found ??= floaty(child);
  });
  return found;
}

function floatComparisons(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
      const why = floaty(node.left) ?? floaty(node.right);
      if (why) problems.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} compares ${why}: ${node.getText()}`);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return problems;
}

describe("the rule code compares no floats", () => {
  it.each(RULE_CODE)("%s", (file) => {
    expect(floatComparisons(file, fs.readFileSync(path.join(import.meta.dirname, "../../../core/poll", file), "utf8"))).toEqual([]);
  });
  it("the check finds what it looks for", () => {
    expect(floatComparisons("x.ts", "const a = turnout * 100 >= percent * base; const b = n / d > 0.5; const c = x * 3 >= y * 2;")).toHaveLength(2);
  });
});
