/**
 * Where a stored answer came from, when a person did not type it into the interview themselves. Kept with the
 * answer (answers.source) so the modal can say "pre-filled from the Shopify profile" and the documents can
 * cite the vendor's page; typing over the value in the interview clears it.
 */
export type AnswerSource =
  /** Brought in by `/intplan import` from a file someone shared. */
  | { from: "import"; fileName: string; importedBy: string }
  /** Offered from a system profile (system-profiles/) and kept as offered: the vendor's page and when it was read. */
  | { from: "profile"; profileId: string; systemName: string; url: string; checkedOn: string };
