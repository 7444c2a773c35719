import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const banned = (patterns, message) => ({ "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message })) }] });

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "generated/**", ".data/**", "test-results/**", "playwright-report/**", "bench/out/**", ".build/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Pure modules: numerics and parsers know nothing of frameworks, databases or I/O.
    files: ["server/fitting/**/*.ts", "server/ingest/**/*.ts", "server/synthetic/**/*.ts", "server/numeric/**/*.ts", "server/scaling/**/*.ts"],
    ignores: ["**/*.test.ts", "**/__tests__/**"],
    rules: banned(["next", "next/*", "react", "react/*", "react-dom", "@prisma/*", "@trpc/*", "~/server/db", "~/generated/*", "node:*", "pg", "pg-boss"], "This module is pure: no framework, database or I/O imports."),
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: banned(["~/server/db", "~/server/domains/*/service", "~/server/jobs/*"], "Components get prepared data; they never reach the database or services."),
  },
);
