"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";

const LINKS = [
  { href: "/diagram", label: "Phase diagram" },
  { href: "/figures", label: "Figures" },
  { href: "/samples", label: "Samples" },
  { href: "/compare", label: "Compare" },
  { href: "/upload", label: "Upload" },
  { href: "/labs", label: "Labs" },
] as const;

export function TopBar({ user }: { user: { name: string } | null }) {
  const pathname = usePathname();
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden /> SIT Atlas
        </Link>
        <nav className="nav" aria-label="Main">
          {LINKS.map((link) => (
            <Link key={link.href} href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="userbox">
          {user ? (
            <>
              <span data-testid="signed-in-as">{user.name}</span>
              <button className="btn btn-small" onClick={() => void signOut({ callbackUrl: "/" })}>
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up" className="btn btn-small btn-primary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
