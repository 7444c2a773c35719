import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/components/trpc/client";
import { TopBar } from "~/components/layout/top-bar";
import { auth } from "~/server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SIT Atlas", template: "%s · SIT Atlas" },
  description: "Shared R(T, H, P) measurements, fits and phase diagrams of the superconductor–insulator transition in thin films.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <TopBar user={session ? { name: session.user.name ?? session.user.email ?? "Account" } : null} />
          <main>{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
