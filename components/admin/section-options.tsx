import type { SectionOption } from '@/lib/article-list';

/** `<option>`s for every section, sub-sections shown under their parent's name. */
export function SectionOptions({ sections }: { sections: SectionOption[] }) {
  return sections.map((s) => (
    <option key={s.id} value={s.id}>
      {s.parentName ? `${s.parentName} › ${s.name}` : s.name}
    </option>
  ));
}
