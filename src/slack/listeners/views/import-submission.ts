import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { AppDeps } from "../../../deps.js";
import { IMPORT_MAX_BYTES, readImport } from "../../../import/read-import.js";
import {
  checkImportFile,
  confirmImport,
  dismissImport,
  type ImportDeps,
  importTarget,
  prepareImport,
} from "../../../services/answer-import.js";
import { closeAsksAfterAnswers } from "../../../services/asks-service.js";
import { loadInterview, SUMMARY } from "../../../services/discovery-interview.js";
import { CALLBACK } from "../../ids.js";
import { downloadSlackFile } from "../../import-download.js";
import { readPrivateMetadata } from "../../private-metadata.js";
import type { ModalView } from "../../views/block-kit.js";
import {
  buildImportMessageView,
  buildImportReviewView,
  IMPORT_CHOICE_BLOCK,
  IMPORT_FILE_ACTION,
  IMPORT_FILE_BLOCK,
  importedSentence,
  readingView,
} from "../../views/import-modal.js";
import { updateAskMessages } from "../ask-message-updates.js";
import { workspaceOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

const fileMetadata = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().regex(/^[CG][A-Z0-9]{2,30}$/),
});
const reviewMetadata = z.object({ pendingId: z.number().int().positive() });

/** What a file_input hands back on submission: `files`, each with id, name, url_private, filetype, size. */
const submittedFile = z.object({
  id: z.string(),
  name: z.string(),
  url_private: z.string(),
  filetype: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().optional(),
});

type StateValues = Record<
  string,
  Record<string, { files?: unknown; selected_option?: { value?: string } | null }>
>;

const importDeps = (deps: AppDeps): ImportDeps => ({
  db: deps.db,
  clock: deps.clock,
  timing: deps.timing,
  readImport: deps.readImport ?? readImport,
  maxBytes: IMPORT_MAX_BYTES,
});

/** Replaces the modal (Slack's views.update by id); a failure is the operator's to see, nothing is lost. */
async function showView(client: WebClient, deps: AppDeps, viewId: string, view: ModalView) {
  try {
    await client.views.update({ view_id: viewId, view });
  } catch (error) {
    deps.logger.warn("views.update failed for the import modal:", error);
  }
}

/**
 * `/intplan import`: the file chosen (checked by its metadata, then "Reading…" at once, within Slack's 3 s),
 * downloaded and read into a review; the review confirmed (saved in one transaction) or closed (forgotten).
 */
export function registerImportSubmissions(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK.importFile, async ({ ack, body, view, client }) => {
    const meta = readPrivateMetadata(fileMetadata, view.private_metadata);
    const teamId = workspaceOf(body);
    const project = meta ? importTarget(deps, { teamId, ...meta }) : undefined;
    if (!project) {
      await ack({
        response_action: "errors",
        errors: {
          [IMPORT_FILE_BLOCK]:
            "This form is out of date (the project is not in this channel any more). Close it and run /intplan import again.",
        },
      });
      return;
    }
    const values = view.state.values as unknown as StateValues;
    const files = values[IMPORT_FILE_BLOCK]?.[IMPORT_FILE_ACTION]?.files;
    const list = Array.isArray(files) ? files : [];
    const parsed = list.length === 1 ? submittedFile.safeParse(list[0]) : undefined;
    const file = parsed?.success ? parsed.data : undefined;
    const problem =
      list.length > 1
        ? "Choose one file: intplan imports one at a time."
        : checkImportFile(file, IMPORT_MAX_BYTES);
    if (problem || !file) {
      await ack({
        response_action: "errors",
        errors: { [IMPORT_FILE_BLOCK]: problem ?? "Choose one file to import." },
      });
      return;
    }
    await ack({ response_action: "update", view: readingView(file.name) });
    const downloaded = await downloadSlackFile({
      url: file.url_private,
      token: deps.config.slackBotToken,
      maxBytes: IMPORT_MAX_BYTES,
      slackApiUrl: deps.config.slackApiUrl,
    });
    if (!downloaded.ok) {
      await showView(client, deps, view.id, buildImportMessageView(downloaded.message));
      return;
    }
    const prepared = await prepareImport(importDeps(deps), {
      project,
      file: { name: file.name, filetype: file.filetype, mimetype: file.mimetype, bytes: downloaded.bytes },
      fileId: file.id,
      personId: body.user.id,
    }).catch((error: unknown) => {
      deps.logger.warn("Reading an imported file failed:", error);
      return { ok: false as const, message: `${file.name} could not be read. Nothing was changed.` };
    });
    await showView(
      client,
      deps,
      view.id,
      prepared.ok
        ? buildImportReviewView(prepared.review)
        : buildImportMessageView(
            prepared.message.endsWith("Nothing was changed.")
              ? prepared.message
              : `${prepared.message} Nothing was changed.`,
          ),
    );
  });

  listeners.view(CALLBACK.importReview, async ({ ack, body, view, client }) => {
    const meta = readPrivateMetadata(reviewMetadata, view.private_metadata);
    if (!meta) {
      await ack({
        response_action: "update",
        view: buildImportMessageView("This review is out of date. Nothing was saved."),
      });
      return;
    }
    const values = view.state.values as unknown as StateValues;
    const replaceIndexes = new Set(
      Object.entries(values)
        .filter(
          ([blockId, actions]) =>
            blockId.startsWith(`${IMPORT_CHOICE_BLOCK}_`) &&
            Object.values(actions)[0]?.selected_option?.value === "replace",
        )
        .map(([blockId]) => Number(blockId.slice(IMPORT_CHOICE_BLOCK.length + 1))),
    );
    const outcome = confirmImport(importDeps(deps), {
      teamId: workspaceOf(body),
      pendingId: meta.pendingId,
      personId: body.user.id,
      replace: replaceIndexes,
    });
    const text = (() => {
      switch (outcome.kind) {
        case "saved":
          return importedSentence(outcome);
        case "gone":
          return "This import was already saved or dismissed. Nothing more was saved.";
        case "expired":
          return `This review of ${outcome.fileName} waited more than a day, so it was not saved. Run /intplan import again to read the file afresh.`;
        case "moved":
          return `This project moved to questionnaire version ${outcome.version} since ${outcome.fileName} was read, so nothing was saved. Run /intplan import again to read it against the questions asked now.`;
        case "not-yours":
          return "Only the person who read the file can confirm its import. Nothing was saved.";
        case "changed":
          return `Nothing was saved: someone changed ${outcome.labels.slice(0, 5).join(", ")}${outcome.labels.length > 5 ? ` and ${outcome.labels.length - 5} more` : ""} since this review was shown. Run /intplan import again with ${outcome.fileName} to review it against the newer answers.`;
      }
    })();
    await ack({ response_action: "update", view: buildImportMessageView(text) });
    if (outcome.kind !== "saved") return;
    // Sections the import completed answer the asks for them, as a save in the interview does.
    const ctx = loadInterview(deps, workspaceOf(body), {
      projectId: outcome.projectId,
      sectionIndex: SUMMARY,
    });
    const closed = ctx
      ? closeAsksAfterAnswers(deps, { ctx, questionIds: outcome.questions, actorId: body.user.id })
      : [];
    if (ctx && closed.length > 0)
      await updateAskMessages(client, deps, {
        project: ctx.project,
        closed,
        reason: "answered",
        by: body.user.id,
      });
  });

  listeners.view({ callback_id: CALLBACK.importReview, type: "view_closed" }, async ({ ack, body, view }) => {
    await ack();
    const meta = readPrivateMetadata(reviewMetadata, view.private_metadata);
    if (meta) dismissImport(deps, { pendingId: meta.pendingId, personId: body.user.id });
  });
}
