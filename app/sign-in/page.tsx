import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Scholars, editors and admins sign in to record variants, align and import. Reading needs no account.</p>
      <SignInForm next={target} />
    </>
  );
}
