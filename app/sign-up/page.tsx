import type { Metadata } from "next";
import { SignUpClient } from "./page-client";

export const metadata: Metadata = { title: "Sign up" };

export default function SignUpPage() {
  return <SignUpClient />;
}
