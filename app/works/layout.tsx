import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readerOf } from "@/lib/db/users/reading-access";

export const dynamic = "force-dynamic";

/** Every page of a work is readable by anyone unless an admin made reading sign-in only. */
export default async function WorksLayout({ children }: { children: React.ReactNode }) {
  if (!(await readerOf(await headers())).allowed) redirect("/sign-in");
  return children;
}
