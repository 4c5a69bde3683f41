-- Full-text search over articles, read by lib/dal/search.ts. Prisma cannot model an FTS5 table, so
-- this is written by hand and SEARCH_TABLES in prisma/migrator.ts keeps it out of the drift check.
--
-- The index keeps its own copy of the text, keyed by the article's id, rather than pointing at
-- "Article" by rowid: "Article" has a TEXT primary key, so VACUUM (or Prisma redefining the table
-- in a later migration) may renumber its rowids. The id is an indexed column so that the triggers
-- find an article's entry through the index; queries search only the three text columns.
-- Porter stemming plus accent folding, to agree with PostgreSQL's 'english' configuration.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline",
    "standfirst",
    "body",
    "articleId",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO "ArticleSearch" ("headline", "standfirst", "body", "articleId")
SELECT "headline", "standfirst", "body", "id" FROM "Article";

-- NOTE: a later migration that redefines "Article" (Prisma's CREATE new_Article / DROP / RENAME)
-- drops these triggers with the old table; it must create them again.
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("headline", "standfirst", "body", "articleId")
    VALUES (new."headline", new."standfirst", new."body", new."id");
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "headline", "standfirst", "body", "id" ON "Article" BEGIN
    DELETE FROM "ArticleSearch"
    WHERE "ArticleSearch" MATCH '{articleId} : "' || replace(old."id", '"', '""') || '"'
      AND "articleId" = old."id";
    INSERT INTO "ArticleSearch" ("headline", "standfirst", "body", "articleId")
    VALUES (new."headline", new."standfirst", new."body", new."id");
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleSearch"
    WHERE "ArticleSearch" MATCH '{articleId} : "' || replace(old."id", '"', '""') || '"'
      AND "articleId" = old."id";
END;
