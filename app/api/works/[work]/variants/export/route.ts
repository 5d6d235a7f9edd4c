/**
 * The variant register as a download: `?format=csv` (default) or `?format=json`, with the variants page's
 * filters. Every edition is labelled with its provenance, so a working translation is never taken for the
 * published text. Written as it is read: a page of variants at a time, streamed to the client.
 */
import { z } from "zod";
import { exportStream } from "@/lib/api/export-files";
import { db } from "@/lib/db/client";
import { variantPages, variantRegisterHead } from "@/lib/db/variants/export-variants";
import { errorResponse } from "@/lib/http/errors";
import { variantsCsvStream, variantsJsonStream } from "@/lib/variants/variant-export";
import { filterParams, VariantFilterSchema } from "@/lib/variants/variant-schemas";
import { requireReader } from "@/lib/db/users/reading-access";

type Context = { params: Promise<{ work: string }> };

const FormatSchema = z.object({ format: z.enum(["csv", "json"], "format is csv or json").default("csv") });

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work } = await params;
    const search = new URL(request.url).searchParams;
    const { format } = FormatSchema.parse({ format: search.get("format") ?? undefined });
    search.delete("format");
    const filter = VariantFilterSchema.parse(filterParams(search));
    const head = await variantRegisterHead(access, db(), work);
    const name = `${work}-variants.${format}`;
    const pages = variantPages(access, db(), work, head.workId, filter);
    const body = format === "csv" ? variantsCsvStream(head, pages) : variantsJsonStream(head, pages);
    return new Response(exportStream(body), {
      headers: {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
