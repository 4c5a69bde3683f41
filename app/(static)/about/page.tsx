import type { Metadata } from "next";
import { env } from "@/lib/env";
import { aboutMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = aboutMetadata();

export default function AboutPage() {
  return (
    <article className="prose prose-lg prose-neutral mx-auto max-w-3xl font-serif dark:prose-invert prose-headings:font-sans prose-a:text-accent dark:prose-a:text-red-300">
      <h1>About {env.SITE_NAME}</h1>
      <p className="lead">
        We are a small, independent newsroom covering Port Alder: its harbour and neighbourhoods, the weather
        that shapes it, the science done on its hills and in its bay, and the people who fill its concert
        halls and bookshops.
      </p>
      <h2>What we cover</h2>
      <p>
        Our reporters spend their days at council meetings, on the ferries, at the university&apos;s marine
        station and in the back rooms of festivals. We write about decisions before they are made, follow up
        after the headlines fade, and explain what numbers mean street by street.
      </p>
      <h2>How we work</h2>
      <ul>
        <li>Every story carries the names of the people who reported it.</li>
        <li>When we change a story after publication, we show when it was updated.</li>
        <li>We link to the reports, papers and documents we rely on, so you can check our work.</li>
        <li>We run no third-party trackers and load nothing from other sites while you read.</li>
      </ul>
      <h2>Reading and taking part</h2>
      <p>
        Everything we publish is free to read. Readers can discuss stories once signed in; we ask for civility
        and moderate comments to keep the conversation useful.
      </p>
      <p>
        Start with the <a href="/">front page</a>, or search the archive from the box at the top of
        every page.
      </p>
    </article>
  );
}
