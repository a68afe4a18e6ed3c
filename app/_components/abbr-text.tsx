import { Fragment } from 'react';

/** `text` with each `abbr` in it marked as an abbreviation whose full form is `title` (shown on hover, read by screen readers). */
export function AbbrText({ text, abbr, title }: { text: string; abbr: string; title: string }) {
  return (
    <>
      {text.split(abbr).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <abbr title={title}>{abbr}</abbr>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
