import { fileURLToPath } from "node:url";

/** The project's Handlebars templates (implementation-plan.md.hbs, discovery-document.md.hbs, partials/). */
export const TEMPLATES_DIR = fileURLToPath(new URL("../templates", import.meta.url));
