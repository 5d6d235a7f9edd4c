/** Shared pieces of the variant register's data layer. */
import type { Db } from "../client";

export type { VariantEditionRef, VariantRecord } from "../../variants/variant-record";

export const EDITION_REF_SELECT = { id: true, slug: true, language: true, title: true, provenance: true, isOriginal: true, standsInForOriginal: true, position: true } as const;

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
