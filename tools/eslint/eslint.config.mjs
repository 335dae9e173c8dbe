// ESLint for the browser scripts the site ships. Run from the project folder:
//   npx --prefix tools/eslint eslint -c tools/eslint/eslint.config.mjs hooks overrides
// With -c, the patterns below are relative to the project folder.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["**/node_modules/**", "site/**", "site-*/**", ".venv/**", "tools/**"],
  },
  js.configs.recommended,
  {
    files: ["hooks/**/*.js", "overrides/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      // Classic scripts, each in its own function: the site loads them with <script defer>, not as modules.
      sourceType: "script",
      globals: { ...globals.browser },
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    // The components' scripts share one style: const and let, arrow functions.
    // They reach the shared helpers (browser/common.js) as window.NextSteps.
    // Not embed.js: pasted into other people's pages, it is kept small by hand.
    files: ["hooks/nextsteps/**/*.js"],
    ignores: ["hooks/nextsteps/embed/embed.js", "hooks/nextsteps/errorpage/**"],
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
      "func-style": ["error", "expression"],
    },
  },
];
