import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DocxMetadata } from "./documents/docx.js";
import { DOCX_PROCESS_ENV, type DocxJob } from "./word-writer-process.js";

/**
 * Writing a Word file away from the app's process. The `docx` writer holds the whole document as objects
 * and then as XML: measured here, a 114 KB Markdown document took 2.6 s and about 60 MB of heap, a 258 KB one
 * 4.4 s and a 277 MB peak, and a 1 MB one ran `npm start`'s 96 MB heap out of memory, which ends the whole
 * app. A worker thread does not help: the process's `--max-old-space-size` caps every thread's heap. So the
 * file is written in a short-lived child process with a heap and a time limit of its own: the app keeps
 * answering Slack meanwhile, its memory stays its own, and a document too big to write fails alone.
 */

/** Documents longer than this get no Word file (the Markdown file holds them whole). */
export const WORD_MAX_MARKDOWN_BYTES = 256 * 1024;
/** The writer's own heap limit, and how long it may take. */
const WRITER_HEAP_MB = 512;
const WRITER_TIME_MS = 60_000;

export type WordFile =
  | { ok: true; bytes: Buffer }
  /** `too-long`: over WORD_MAX_MARKDOWN_BYTES; `failed`: the writer ran out of memory, time, or stopped. */
  | { ok: false; reason: "too-long" | "failed"; detail: string };

/**
 * The writer: the compiled `word-writer-process.js` beside this file; run from the TypeScript sources (tests, tsx),
 * the same file in TypeScript, through tsx's loader.
 */
function startWriter(): ChildProcess {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(
    new URL(fromSources ? "./word-writer-process.ts" : "./word-writer-process.js", import.meta.url),
  );
  return fork(entry, [], {
    execArgv: [...(fromSources ? ["--import", "tsx"] : []), `--max-old-space-size=${WRITER_HEAP_MB}`],
    env: { ...process.env, [DOCX_PROCESS_ENV]: "1" },
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** A frozen document's Word file, written in a process of its own; never throws. */
export function buildDocxIsolated(markdown: string, meta: DocxMetadata): Promise<WordFile> {
  const size = Buffer.byteLength(markdown);
  if (size > WORD_MAX_MARKDOWN_BYTES) {
    return Promise.resolve({ ok: false, reason: "too-long", detail: `${Math.ceil(size / 1024)} KB` });
  }
  return new Promise((resolve) => {
    const writer = startWriter();
    let done = false;
    const settle = (file: WordFile) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(file);
      if (writer.exitCode === null) writer.kill();
    };
    const timer = setTimeout(
      () => settle({ ok: false, reason: "failed", detail: `took over ${WRITER_TIME_MS / 1000} s` }),
      WRITER_TIME_MS,
    );
    writer.once("message", (bytes: Uint8Array) =>
      settle({ ok: true, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    );
    writer.once("error", (error) => settle({ ok: false, reason: "failed", detail: String(error) }));
    writer.once("exit", (code, signal) =>
      settle({ ok: false, reason: "failed", detail: `the writer stopped (${signal ?? code})` }),
    );
    writer.send({ markdown, meta } satisfies DocxJob);
  });
}
