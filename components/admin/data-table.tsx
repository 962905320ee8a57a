import type { ReactNode } from 'react';
import Link from 'next/link';

export interface Column {
  label: ReactNode;
  /** Read by screen readers only (e.g. a column of buttons). */
  hidden?: boolean;
  className?: string;
}

/** A newsroom list as a table: the header row from `columns`, the body from `children` (DataRow). */
export function DataTable({ caption, columns, children }: { caption?: string; columns: Column[]; children: ReactNode }) {
  return (
    <table className="w-full border-collapse bg-white text-left text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr className="border-b border-neutral-400">
          {columns.map((column, i) => (
            <th key={i} scope="col" className={`p-2 ${column.className ?? ''}`.trim()}>
              {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function DataRow({ children }: { children: ReactNode }) {
  return <tr className="border-b border-neutral-200 align-top">{children}</tr>;
}

/** A newsroom list of linked items, each with its details beside it. */
export function LinkList({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-neutral-200 rounded border border-neutral-300 bg-white">{children}</ul>;
}

export function LinkListItem({ href, title, children }: { href: string; title: ReactNode; children?: ReactNode }) {
  return (
    <li className="flex flex-wrap gap-3 px-3 py-2">
      <Link href={href} className="font-medium underline">
        {title}
      </Link>
      {children}
    </li>
  );
}
