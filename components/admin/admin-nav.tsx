'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Role } from '@/lib/auth/actor';

interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'editor', 'author'];
const EDITORS: readonly Role[] = ['admin', 'editor'];

// Hiding a link is only courtesy: every page and action checks the role itself.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/admin', label: 'Dashboard', roles: EVERYONE },
  { href: '/admin/articles', label: 'Articles', roles: EVERYONE },
  { href: '/admin/media', label: 'Media', roles: EVERYONE },
  { href: '/admin/home', label: 'Home page', roles: EDITORS },
  { href: '/admin/sections', label: 'Sections', roles: EDITORS },
  { href: '/admin/tags', label: 'Tags', roles: EDITORS },
  { href: '/admin/people', label: 'People', roles: EDITORS },
  { href: '/admin/pages', label: 'Pages', roles: EDITORS },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
  { href: '/admin/settings', label: 'Settings', roles: ['admin'] },
  { href: '/admin/audit', label: 'Audit log', roles: ['admin'] },
  { href: '/admin/trash', label: 'Trash', roles: EDITORS },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
}

export function AdminNav({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Newsroom">
      <ul className="space-y-1">
        {NAV_ITEMS.filter((item) => item.roles.includes(role)).map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded px-3 py-2 text-sm ${current ? 'bg-neutral-900 font-semibold text-white' : 'text-neutral-800 hover:bg-neutral-200'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
