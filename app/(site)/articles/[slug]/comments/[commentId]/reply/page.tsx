import type { Metadata } from "next";
import { CommentFormPage, type CommentFormPageParams } from "../../../_components/comment-form-page";

export const instant = false;
export const metadata: Metadata = {
  title: "Reply to a comment",
  robots: { index: false, follow: false },
};

export default function Page({ params }: { params: CommentFormPageParams }) {
  return <CommentFormPage params={params} kind="reply" />;
}
