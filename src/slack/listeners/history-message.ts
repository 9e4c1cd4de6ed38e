import type { ProjectRow } from "../../db/schema.js";
import { historyPage } from "../../services/history-service.js";
import type { StorageDeps } from "../../services/service-deps.js";
import type { MessageContent } from "../views/block-kit.js";
import { buildHistoryPage, HISTORY_PAGE_SIZE } from "../views/history-view.js";

/** One page of the project's history as a message: for `/intplan history` and its Newer/Older buttons. */
export const historyMessage = (deps: StorageDeps, project: ProjectRow, page: number): MessageContent =>
  buildHistoryPage(historyPage(deps, { project, page, pageSize: HISTORY_PAGE_SIZE }));
