/**
 * Runs before every page and API request (Next.js 16's proxy, formerly middleware): a fresh nonce and the
 * Content-Security-Policy that requires it (Next.js reads the nonce from the request's policy and puts it on its
 * own scripts), the other security headers, the request's path for sign-in redirects, and the refusal of a request
 * served over https while HEXAPLA_BASE_URL does not say https (the cookies would not be Secure).
 * Reading access is not decided here but where the data is read (lib/db/users/reading-access.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { publicUrlSettings, type PublicUrlSettings } from "@/lib/http/public-url";
import { PATH_HEADER, securityHeaders, servedOverUnexpectedHttps } from "@/lib/http/security-headers";

let settings: PublicUrlSettings | null = null;

export function proxy(request: NextRequest) {
  settings ??= publicUrlSettings(readEnv());
  if (servedOverUnexpectedHttps(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol, settings.secure)) {
    return new NextResponse(
      "This server is reached over https, but HEXAPLA_BASE_URL is not set to its https:// address, so its cookies would not be Secure. Set HEXAPLA_BASE_URL=https://… and restart.\n",
      { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ nonce, secure: settings.secure, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  requestHeaders.set(PATH_HEADER, `${request.nextUrl.pathname}${search.size ? `?${search}` : ""}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files and the fonts, which carry their own headers (next.config.js).
  matcher: ["/((?!_next/static|_next/image|fonts/|favicon.ico).*)"],
};
