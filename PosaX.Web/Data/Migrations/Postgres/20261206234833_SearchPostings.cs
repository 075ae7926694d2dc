using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchPostings",
                columns: table => new
                {
                    Lexeme = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArtworkId = table.Column<long>(type: "bigint", nullable: false),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    SizeClass = table.Column<int>(type: "integer", nullable: false),
                    Orientation = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                });

            // The postings of the works on the site, sorted as the index keeps them, before the index is built.
            migrationBuilder.Sql("""
                INSERT INTO "SearchPostings" ("Lexeme", "CreatedAt", "ArtworkId", "Price", "CategoryId", "SizeClass", "Orientation", "Status")
                SELECT l."Lexeme", w."CreatedAt", w."Id", w."Price", w."CategoryId", w."SizeClass", w."Orientation", w."Status"
                FROM "Artworks" w JOIN "AspNetUsers" u ON u."Id" = w."ArtistId", unnest(tsvector_to_array(w."SearchVector")) AS l("Lexeme")
                WHERE w."HiddenAt" IS NULL AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL
                ORDER BY 1, 2, 3;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SearchPostings",
                table: "SearchPostings",
                columns: new[] { "Lexeme", "CreatedAt", "ArtworkId" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Price", "CategoryId", "SizeClass", "Orientation", "Status" });

            // Kept by the database: a work's postings follow its words, its date, its price and filters, and
            // whether it is on the site (PublicVisibility.ArtworkOnSite, repeated here as in CategoryWorkCounts:
            // not hidden, its artist activated and not suspended), in the transaction of every change, once per
            // statement (a COPY of a million works inserts its postings in one sorted INSERT). A change to none of
            // those (a view, a feature, a description in English) rewrites nothing. Each work's artist is checked by
            // its key in a scalar subquery, which the planner cannot turn into a join planned from statistics a
            // COPY has not made yet (see CategoryWorkCounts).
            migrationBuilder.Sql("""
                CREATE FUNCTION posax_search_postings() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM "SearchPostings" p USING (
                            SELECT unnest(tsvector_to_array(o."SearchVector")) AS "Lexeme", o."CreatedAt", o."Id"
                            FROM old_works o WHERE o."HiddenAt" IS NULL) d
                        WHERE p."Lexeme" = d."Lexeme" AND p."CreatedAt" = d."CreatedAt" AND p."ArtworkId" = d."Id";
                    ELSIF TG_OP = 'UPDATE' THEN
                        DELETE FROM "SearchPostings" p USING (
                            SELECT unnest(tsvector_to_array(o."SearchVector")) AS "Lexeme", o."CreatedAt", o."Id"
                            FROM old_works o
                            WHERE o."HiddenAt" IS NULL AND NOT EXISTS (SELECT 1 FROM new_works n WHERE n."Id" = o."Id" AND n."HiddenAt" IS NULL
                                AND (n."SearchVector", n."CreatedAt", n."Price", n."CategoryId", n."SizeClass", n."Orientation", n."Status") IS NOT DISTINCT FROM (o."SearchVector", o."CreatedAt", o."Price", o."CategoryId", o."SizeClass", o."Orientation", o."Status"))) d
                        WHERE p."Lexeme" = d."Lexeme" AND p."CreatedAt" = d."CreatedAt" AND p."ArtworkId" = d."Id";
                        INSERT INTO "SearchPostings" ("Lexeme", "CreatedAt", "ArtworkId", "Price", "CategoryId", "SizeClass", "Orientation", "Status")
                        SELECT l."Lexeme", n."CreatedAt", n."Id", n."Price", n."CategoryId", n."SizeClass", n."Orientation", n."Status"
                        FROM new_works n, unnest(tsvector_to_array(n."SearchVector")) AS l("Lexeme")
                        WHERE n."HiddenAt" IS NULL AND (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = n."ArtistId") AND NOT EXISTS (SELECT 1 FROM old_works o WHERE o."Id" = n."Id" AND o."HiddenAt" IS NULL
                            AND (n."SearchVector", n."CreatedAt", n."Price", n."CategoryId", n."SizeClass", n."Orientation", n."Status") IS NOT DISTINCT FROM (o."SearchVector", o."CreatedAt", o."Price", o."CategoryId", o."SizeClass", o."Orientation", o."Status"))
                        ORDER BY 1, 2, 3;
                    ELSE
                        INSERT INTO "SearchPostings" ("Lexeme", "CreatedAt", "ArtworkId", "Price", "CategoryId", "SizeClass", "Orientation", "Status")
                        SELECT l."Lexeme", n."CreatedAt", n."Id", n."Price", n."CategoryId", n."SizeClass", n."Orientation", n."Status"
                        FROM new_works n, unnest(tsvector_to_array(n."SearchVector")) AS l("Lexeme")
                        WHERE n."HiddenAt" IS NULL AND (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = n."ArtistId")
                        ORDER BY 1, 2, 3;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Artworks_PostingsInsert" AFTER INSERT ON "Artworks"
                    REFERENCING NEW TABLE AS new_works FOR EACH STATEMENT EXECUTE FUNCTION posax_search_postings();
                CREATE TRIGGER "Artworks_PostingsUpdate" AFTER UPDATE ON "Artworks"
                    REFERENCING OLD TABLE AS old_works NEW TABLE AS new_works FOR EACH STATEMENT EXECUTE FUNCTION posax_search_postings();
                CREATE TRIGGER "Artworks_PostingsDelete" AFTER DELETE ON "Artworks"
                    REFERENCING OLD TABLE AS old_works FOR EACH STATEMENT EXECUTE FUNCTION posax_search_postings();
                """);
            // An artist activated, suspended or restored: the postings of their works not hidden come in or go out.
            // A deleted artist's works are deleted first (AspNetUsers_DeleteWorks), taking their postings with them.
            migrationBuilder.Sql("""
                CREATE FUNCTION posax_artist_postings() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (OLD."EmailConfirmed" AND OLD."SuspendedAt" IS NULL) IS NOT DISTINCT FROM (NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL) THEN
                        RETURN NEW;
                    END IF;
                    IF NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL THEN
                        INSERT INTO "SearchPostings" ("Lexeme", "CreatedAt", "ArtworkId", "Price", "CategoryId", "SizeClass", "Orientation", "Status")
                        SELECT l."Lexeme", w."CreatedAt", w."Id", w."Price", w."CategoryId", w."SizeClass", w."Orientation", w."Status"
                        FROM "Artworks" w, unnest(tsvector_to_array(w."SearchVector")) AS l("Lexeme")
                        WHERE w."ArtistId" = NEW."Id" AND w."HiddenAt" IS NULL
                        ORDER BY 1, 2, 3;
                    ELSE
                        DELETE FROM "SearchPostings" p USING (
                            SELECT unnest(tsvector_to_array(w."SearchVector")) AS "Lexeme", w."CreatedAt", w."Id"
                            FROM "Artworks" w WHERE w."ArtistId" = NEW."Id" AND w."HiddenAt" IS NULL) d
                        WHERE p."Lexeme" = d."Lexeme" AND p."CreatedAt" = d."CreatedAt" AND p."ArtworkId" = d."Id";
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "AspNetUsers_Postings" AFTER UPDATE OF "EmailConfirmed", "SuspendedAt" ON "AspNetUsers"
                    FOR EACH ROW EXECUTE FUNCTION posax_artist_postings();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AspNetUsers_Postings" ON "AspNetUsers";
                DROP FUNCTION IF EXISTS posax_artist_postings();
                DROP TRIGGER IF EXISTS "Artworks_PostingsDelete" ON "Artworks";
                DROP TRIGGER IF EXISTS "Artworks_PostingsUpdate" ON "Artworks";
                DROP TRIGGER IF EXISTS "Artworks_PostingsInsert" ON "Artworks";
                DROP FUNCTION IF EXISTS posax_search_postings();
                """);
            migrationBuilder.DropTable(
                name: "SearchPostings");
        }
    }
}
