import { buildDocx, type DocxMetadata } from "./documents/docx.js";

/** What word-writer.ts sends the process it starts: one document to write. */
export interface DocxJob {
  markdown: string;
  meta: DocxMetadata;
}

/** Set in the environment of the process word-writer.ts starts, and nowhere else. */
export const DOCX_PROCESS_ENV = "INTPLAN_DOCX_PROCESS";

/**
 * The process that writes one Word file (started by word-writer.ts): the job comes as its one IPC message,
 * the file's bytes go back as the answer, then it exits. Does nothing in any other process.
 */
const send = process.send?.bind(process);
if (send && process.env[DOCX_PROCESS_ENV] === "1") {
  process.once("message", (job: DocxJob) => {
    void buildDocx(job.markdown, job.meta).then((bytes) => send(bytes, () => process.exit(0)));
  });
}
