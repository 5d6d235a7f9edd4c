import type { Metadata } from "next";
import Link from "next/link";
import "./fonts.css";
import "./globals.css";
import { UserMenu } from "./components/user-menu";

export const metadata: Metadata = {
  title: { default: "Hexapla", template: "%s · Hexapla" },
  description: "Editions of a text and its translations, aligned and compared side by side.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Hexapla
          </Link>
          <nav aria-label="Main">
            <Link href="/">Works</Link>
          </nav>
          <UserMenu />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
