import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "server/src/db/generated/**", "server/src/db/generated-pg/**", "test-results/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["client/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The meeting core is pure and shared with the browser: no I/O, no frameworks, no Node,
  // no clock or randomness of its own (they come in through the decide context), and nothing of
  // the client or the server. Its tests may also use the test scaffolding in testing/.
  corePurity("core/*.ts", "^\\.\\./"),
  corePurity("core/*/*.ts", "^\\.\\./\\.\\./"),
  corePurity("core/*.test.ts", "^\\.\\./(?!testing/)"),
  corePurity("core/*/*.test.ts", "^\\.\\./\\.\\./(?!testing/)"),
  // Test scaffolding stays out of the product: only tests, benchmarks and e2e use testing/ (the
  // core's own rule above already keeps its product files inside core/).
  {
    files: ["server/src/**/*.ts", "client/src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)testing/", message: "Product code must not import the test scaffolding." }] }] },
  },
  // Routes and the HTTP edge call stores, never Prisma (apiDeps.ts builds the stores).
  {
    files: ["server/src/**/*Routes.ts", "server/src/http/*.ts"],
    ignores: ["**/*.test.ts", "server/src/http/apiDeps.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)testing/", message: "Product code must not import the test scaffolding." },
            { regex: "(^|/)db/(database|generated/|generated-pg/)", message: "Routes call stores, never Prisma." },
          ],
        },
      ],
    },
  },
);

function corePurity(files, leavesCore) {
  return {
    files: [files],
    ignores: files.endsWith(".test.ts") ? [] : ["core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^node:", message: "The meeting core must not import Node built-ins." },
            {
              regex: "^(socket\\.io|socket\\.io-client|express|ws|react|react-dom|@prisma/.*|prisma|better-sqlite3|jose)($|/)",
              message: "The meeting core must stay pure: no I/O or UI frameworks.",
            },
            { regex: leavesCore, message: "The meeting core must not import the client, the server or the test scaffolding." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "setTimeout", "setInterval", "crypto", "fetch"],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use ctx.now." },
        { object: "Math", property: "random", message: "Use ctx.newId or a seeded generator." },
      ],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "Use ctx.now." }],
    },
  };
}
