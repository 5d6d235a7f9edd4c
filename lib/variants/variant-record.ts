/** A recorded variant as the register shows and exports it: with its row's number, its editions and its author. */
import type { ProvenanceKind } from "../editions/provenance";
import type { VariantCategory, VariantStatus } from "./variant-schemas";

export interface VariantEditionRef {
  id: string;
  slug: string;
  language: string;
  title: string;
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
}

export interface VariantRecord {
  id: string;
  rowId: string;
  /** 1-based row number in reading order (the compare view's #rN). */
  rowNumber: number;
  category: VariantCategory;
  status: VariantStatus;
  note: string;
  author: { id: string; name: string } | null;
  editions: VariantEditionRef[];
  createdAt: Date;
  updatedAt: Date;
}
