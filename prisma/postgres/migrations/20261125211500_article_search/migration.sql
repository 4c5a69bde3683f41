-- Full-text search over articles, read by lib/dal/search.ts. Prisma cannot model tsvector indexes or
-- triggers, so this is written by hand and SEARCH_TABLES in prisma/migrator.ts keeps the table out
-- of the drift check. A side table (not a column on "Article") keeps "Article" exactly as
-- prisma/schema.prisma describes it on both databases.
--
-- To behave like SQLite's 'porter unicode61 remove_diacritics 2' without the unaccent extension,
-- text is folded before it is parsed: Latin diacritics as FTS5 folds them (lib/search-query.ts
-- LATIN_FOLDS, checked by a unit test) and ASCII punctuation to spaces, so 'example.com' or
-- '3.5' split into words as they do in FTS5. The fold maps one character to one character, which
-- lets lib/dal/search.ts map a ts_headline() snippet of the folded body back onto the original.
CREATE FUNCTION "article_search_fold"(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $fold$ SELECT translate(input, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzsOoUuAaIiOoUuUuUuUuUuAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwysAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy                                ') $fold$;

-- Weights: A headline, B standfirst, C body.
CREATE FUNCTION "article_search_document"(headline text, standfirst text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $doc$
    SELECT setweight(to_tsvector('english'::regconfig, "article_search_fold"(coalesce(headline, ''))), 'A')
        || setweight(to_tsvector('english'::regconfig, "article_search_fold"(coalesce(standfirst, ''))), 'B')
        || setweight(to_tsvector('english'::regconfig, "article_search_fold"(coalesce(body, ''))), 'C')
    $doc$;

CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId"),
    CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

-- Deletes need no trigger: the foreign key cascades.
CREATE FUNCTION "article_search_sync"() RETURNS trigger
    LANGUAGE plpgsql
    AS $sync$
BEGIN
    INSERT INTO "ArticleSearch" ("articleId", "document")
    VALUES (NEW."id", "article_search_document"(NEW."headline", NEW."standfirst", NEW."body"))
    ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document";
    RETURN NULL;
END
$sync$;

CREATE TRIGGER "Article_search_sync" AFTER INSERT OR UPDATE OF "headline", "standfirst", "body" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "article_search_sync"();

INSERT INTO "ArticleSearch" ("articleId", "document")
SELECT "id", "article_search_document"("headline", "standfirst", "body") FROM "Article";
