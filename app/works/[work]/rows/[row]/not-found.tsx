"use client";
/** A row asked for that is not there (/works/<w>/rows/<row> and …/all): says which, and what a row can be asked by. */
import Link from "next/link";
import { useParams } from "next/navigation";

export default function RowNotFound() {
  const { work, row } = useParams<{ work: string; row: string }>();
  const asked = decodeURIComponent(row ?? "");
  const what = /^\d+$/.test(asked)
    ? `There is no row ${asked} in this work: its rows are numbered from 1 to the last row of the compare view.`
    : /^[0-9a-f-]{36}$/i.test(asked)
      ? `There is no row with the id ${asked} in this work, and none ever had it.`
      : `“${asked}” is not a row: ask for a row by its number (1, 2, …) or by its id.`;
  return (
    <>
      <h1>Row not found</h1>
      <p className="lede">{what}</p>
      <p>
        <Link href={`/works/${work}/compare`}>Back to the compare view</Link>
      </p>
    </>
  );
}
