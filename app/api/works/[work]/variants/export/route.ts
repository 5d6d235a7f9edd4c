/**
 * The variant register as a download: `?format=csv` (default) or `?format=json`, with the variants page's
 * filters. Every edition is labelled with its provenance, so a working translation is never taken for the
 * published text.
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { exportVariants } from "@/lib/db/variants/export-variants";
import { errorResponse } from "@/lib/http/errors";
import { variantsCsv, variantsJson } from "@/lib/variants/variant-export";
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
    const data = await exportVariants(access, db(), work, filter);
    const name = `${work}-variants.${format}`;
    const body = format === "csv" ? variantsCsv(data) : `${JSON.stringify(variantsJson(data), null, 2)}\n`;
    return new Response(body, {
      headers: {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
