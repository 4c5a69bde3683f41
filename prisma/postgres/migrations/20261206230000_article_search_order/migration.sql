-- Search ranks at most the newest matches of a word (lib/stories/dal/search.ts, SEARCH_RANKED). On
-- SQLite this migration renumbers the FTS5 index in publication order; PostgreSQL orders the matches
-- by "Article"."publishedAt" itself, so nothing changes here.
SELECT 1;
