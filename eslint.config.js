import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Layers a module may not import from, by folder: the dependency direction of DESIGN.md. */
const forbiddenImports = (...layers) => ({
  "no-restricted-imports": [
    "error",
    { patterns: layers.map((layer) => ({ group: [`**/${layer}/**`, `**/${layer}`], message: `This layer must not import from ${layer}/ (see STYLE.md, dependency direction).` })) },
  ],
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "bench/results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-exports": ["error", { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      ...forbiddenImports("store", "services", "http", "cli", "worker", "channels"),
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The domain is pure: take `now` as a parameter." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "The domain is pure: take randomness as a parameter." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain is pure: take `now` as a parameter." },
      ],
    },
  },
  { files: ["src/store/**/*.ts"], ignores: ["**/*.test.ts"], rules: forbiddenImports("services", "http", "cli", "worker", "channels") },
  { files: ["src/services/**/*.ts"], ignores: ["**/*.test.ts"], rules: forbiddenImports("http", "cli") },
  { files: ["web/**/*.{ts,tsx}"], rules: forbiddenImports("store", "services", "cli", "worker", "channels") },
  // Config files are the one place a default export is the tools' convention.
  { files: ["*.config.ts", "*.config.js", "web/vite.config.ts"], rules: { "no-restricted-exports": "off" } },
);
