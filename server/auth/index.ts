import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./config";

/** The signed-in user of the current request (cached per request), or null. */
export const auth = cache(async () => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session : null;
});
