/**
 * The mark beside a title that is ours: a working translation's rendering of the chapter title, shown next to the
 * imprint of a published book whose chapter title we do not know. Square brackets, as for any supplied title.
 */
export function TitleOurs({ ours }: { ours: boolean }) {
  if (!ours) return null;
  return (
    <>
      {" "}
      <span className="title-ours" data-title-ours="" title="Our rendering of the title: the chapter's title in the published edition named beside it is not known to us.">
        [our title]
      </span>
    </>
  );
}
