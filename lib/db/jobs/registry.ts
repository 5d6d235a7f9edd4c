/**
 * Every kind of job a worker can run. Adding a kind: a file in ./kinds defining it (job-kind.ts), and a line here.
 */
import type { JobKind } from "./job-kind";
import { alignEditionJob } from "./kinds/align-edition";
import { alignJob, realignJob } from "./kinds/align-work";
import { alignWordsJob } from "./kinds/align-words";
import { alignRowWordsJob } from "./kinds/align-row-words";
import { checkGridJob } from "./kinds/check-grid";
import { exportPdfJob } from "./kinds/export-pdf";
import { exportWorkJob } from "./kinds/export-work";
import { rowSignalsJob } from "./kinds/row-signals";

export const JOB_KINDS: readonly JobKind<unknown>[] = [
  alignJob,
  realignJob,
  alignEditionJob,
  alignWordsJob,
  alignRowWordsJob,
  rowSignalsJob,
  checkGridJob,
  exportPdfJob,
  exportWorkJob,
];

export function findJobKind(kind: string): JobKind<unknown> | null {
  return JOB_KINDS.find((entry) => entry.kind === kind) ?? null;
}
