/** Searches all editions of the work (a plain form: it works without JavaScript). */
export function SearchBox({ workSlug, editions, defaultValue = "" }: { workSlug: string; editions: string[]; defaultValue?: string }) {
  return (
    <form className="search-box" role="search" action={`/works/${workSlug}/search`} method="get">
      <label htmlFor="search-q">Search all editions</label>
      <input id="search-q" type="search" name="q" defaultValue={defaultValue} required maxLength={200} />
      <input type="hidden" name="editions" value={editions.join(",")} />
      <button type="submit" className="button secondary">
        Search
      </button>
    </form>
  );
}
