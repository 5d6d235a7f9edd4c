"use client";

import { DATABASE_TROUBLE_DIGEST } from "./database-trouble";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DATABASE_TROUBLE_DIGEST) {
    return (
      <>
        <h1>The database cannot be reached</h1>
        <p>The page could not be read just now: the server’s database is unavailable or too busy. Nothing was changed. Try again in a moment.</p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </>
    );
  }
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        The page could not be shown. The error was logged{error.digest ? ` with the reference ${error.digest}` : ""}.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
