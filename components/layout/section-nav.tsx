/** A list of section links in a labelled <nav>: the header, the mobile menu, the footer and sub-section lists each style it their own way. */
export function SectionNav({
  label,
  sections,
  className,
  listClassName,
  linkClassName,
}: {
  label: string;
  sections: { id: number; name: string; path: string }[];
  className?: string;
  listClassName: string;
  linkClassName: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={s.path} className={linkClassName}>
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
