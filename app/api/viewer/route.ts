// GET /api/viewer[?article=<id>]: who is reading, and what they may do in one story's comments. The
// pages are static and shared; client islands (the header's sign-in state, the story's compose box)
// fill themselves from this. Never cached anywhere: it answers from the session cookie.
import { NextResponse, type NextRequest } from "next/server";
import { loadViewerPayload } from "@/lib/accounts/dal/viewer";
import { SAFE_ID } from "@/lib/accounts/viewer";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };

export async function GET(request: NextRequest) {
  const article = request.nextUrl.searchParams.get("article");
  if (article !== null && !SAFE_ID.test(article))
    return NextResponse.json({ error: "article must be a story id." }, { status: 400, headers: PRIVATE });
  try {
    return NextResponse.json(await loadViewerPayload(article), { headers: PRIVATE });
  } catch (error) {
    console.error("[viewer] could not load the reader's state", error);
    return NextResponse.json(
      { error: "Your sign-in state could not be loaded. Please reload the page." },
      { status: 503, headers: PRIVATE },
    );
  }
}
