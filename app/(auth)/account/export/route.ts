import { exportUserData } from "@/lib/accounts/dal/account-export";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import { env } from "@/lib/env";

// "Download my data": a JSON file of what the site holds about the signed-in reader.
export async function GET() {
  const result = await exportUserData(await getSessionUserId());
  if (!result.ok) return Response.redirect(new URL("/signin?callbackUrl=/account", env.SITE_URL), 303);
  const day = result.data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(result.data, null, 2) + "\n", {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-data-${day}.json"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
