import { connection } from "next/server";
import { healthResponse } from "@/lib/http/health-response";

export async function GET() {
  // Under cacheComponents a GET handler that reads no request data is prerendered at build; the
  // probe must ask the database on every request. (The browser suite's server waits on this URL.)
  await connection();
  return healthResponse();
}
