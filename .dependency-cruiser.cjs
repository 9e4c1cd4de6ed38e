/**
 * The layer rules of src/ (README, "Where things live"), checked in `npm test` by `npm run check:structure`.
 * Arrows point one way: slack → services → (outbox, db, documents) → domain. Type-only imports count.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle makes import order matter: a module imported first can see its peers uninitialised.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "domain-stays-pure",
      severity: "error",
      comment: "The domain knows no storage, no Slack, no rendering: only itself, zod and Node.",
      from: { path: "^src/domain/" },
      to: { path: "^src/(?!domain/)", dependencyTypesNot: ["npm", "core"] },
    },
    {
      name: "domain-no-libraries-but-zod",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["npm"], pathNot: "node_modules/zod/" },
    },
    {
      name: "storage-and-documents-know-no-slack",
      severity: "error",
      comment:
        "Storage, documents, imports and the outbox never reach the Slack edge, the services or the wiring.",
      from: { path: "^src/(db|documents|import|outbox)/" },
      to: { path: "^src/(slack|services)/|^src/(app|main)\\.ts$" },
    },
    {
      name: "services-know-no-slack",
      severity: "error",
      comment:
        "Use cases take narrow dependencies and return typed outcomes; Slack is the listeners' business.",
      from: { path: "^src/services/" },
      to: { path: "^src/slack/|^src/(app|main)\\.ts$|node_modules/@slack/" },
    },
    {
      name: "listeners-and-views-use-services",
      severity: "error",
      comment:
        "A listener or view never reaches storage or the outbox; row types from db/schema.ts are allowed.",
      from: { path: "^src/slack/(listeners|views)/" },
      to: { path: "^src/(db|outbox)/", pathNot: "^src/db/schema\\.ts$" },
    },
    {
      name: "slack-edge-uses-services",
      severity: "error",
      comment:
        "The rest of the Slack edge reaches storage through services too; only the request plumbing (replay claims, the safety net, the error handler) reads the database's health and claims directly. Types are allowed.",
      from: { path: "^src/slack/", pathNot: "^src/slack/(dedupe|safety-net|errors)\\.ts$" },
      to: { path: "^src/(db|outbox)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "row-types-only",
      severity: "error",
      comment: "Listeners and views may name a row's type, never touch the tables.",
      from: { path: "^src/slack/(listeners|views)/" },
      to: { path: "^src/db/schema\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "slack-sdk-only-at-the-edge",
      severity: "error",
      comment: "@slack/* is imported only by the Slack edge and the app's wiring.",
      from: { path: "^src/", pathNot: "^src/slack/|^src/app\\.ts$" },
      to: { path: "node_modules/@slack/" },
    },
    {
      name: "only-main-imports-app",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/main\\.ts$" },
      to: { path: "^src/app\\.ts$" },
    },
    {
      name: "deps-is-a-leaf",
      severity: "error",
      comment: "deps.ts describes what the app is built from; it imports types only.",
      from: { path: "^src/deps\\.ts$" },
      to: { dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
