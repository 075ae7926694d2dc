using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CategoryWorkCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CategoryWorkCounts",
                columns: table => new
                {
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Works = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryWorkCounts", x => x.CategoryId);
                });

            // The works on the site per category (PublicVisibility.ArtworkOnSite: not hidden, by an
            // activated artist not suspended), kept in the transaction of every change. Works: one
            // statement-level trigger per operation (transition tables: one upsert per statement, so a
            // COPY of a million works adds once per category), in category order (two transactions
            // never wait on each other's rows the other way round).
            migrationBuilder.Sql("""
                CREATE FUNCTION posax_count_works() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Each artist checked once per statement, by its key (a subquery, never a join the
                    -- planner could turn round: right after a COPY the artists have no statistics yet,
                    -- and a join planned from them scanned the statement's rows once per artist).
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "CategoryWorkCounts" AS c ("CategoryId", "Works")
                        SELECT d."CategoryId", sum(d.n) FROM (
                            SELECT g."CategoryId", g.n AS n FROM (SELECT w."CategoryId", w."ArtistId", count(*) AS n FROM new_works w
                                WHERE w."HiddenAt" IS NULL GROUP BY w."CategoryId", w."ArtistId") g
                            WHERE (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = g."ArtistId")) d
                        GROUP BY d."CategoryId" ORDER BY d."CategoryId"
                        ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = c."Works" + EXCLUDED."Works";
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO "CategoryWorkCounts" AS c ("CategoryId", "Works")
                        SELECT d."CategoryId", sum(d.n) FROM (
                            SELECT g."CategoryId", -g.n AS n FROM (SELECT w."CategoryId", w."ArtistId", count(*) AS n FROM old_works w
                                WHERE w."HiddenAt" IS NULL GROUP BY w."CategoryId", w."ArtistId") g
                            WHERE (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = g."ArtistId")) d
                        GROUP BY d."CategoryId" ORDER BY d."CategoryId"
                        ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = c."Works" + EXCLUDED."Works";
                    ELSE
                        INSERT INTO "CategoryWorkCounts" AS c ("CategoryId", "Works")
                        SELECT d."CategoryId", sum(d.n) FROM (
                            SELECT g."CategoryId", -g.n AS n FROM (SELECT w."CategoryId", w."ArtistId", count(*) AS n FROM old_works w
                                WHERE w."HiddenAt" IS NULL GROUP BY w."CategoryId", w."ArtistId") g
                            WHERE (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = g."ArtistId")
                            UNION ALL
                            SELECT g."CategoryId", g.n AS n FROM (SELECT w."CategoryId", w."ArtistId", count(*) AS n FROM new_works w
                                WHERE w."HiddenAt" IS NULL GROUP BY w."CategoryId", w."ArtistId") g
                            WHERE (SELECT u."EmailConfirmed" AND u."SuspendedAt" IS NULL FROM "AspNetUsers" u WHERE u."Id" = g."ArtistId")) d
                        GROUP BY d."CategoryId" HAVING sum(d.n) <> 0 ORDER BY d."CategoryId"
                        ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = c."Works" + EXCLUDED."Works";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Artworks_CountInsert" AFTER INSERT ON "Artworks"
                    REFERENCING NEW TABLE AS new_works FOR EACH STATEMENT EXECUTE FUNCTION posax_count_works();
                CREATE TRIGGER "Artworks_CountUpdate" AFTER UPDATE ON "Artworks"
                    REFERENCING OLD TABLE AS old_works NEW TABLE AS new_works FOR EACH STATEMENT EXECUTE FUNCTION posax_count_works();
                CREATE TRIGGER "Artworks_CountDelete" AFTER DELETE ON "Artworks"
                    REFERENCING OLD TABLE AS old_works FOR EACH STATEMENT EXECUTE FUNCTION posax_count_works();
                """);
            // Artists: activated, suspended or restored, their works not hidden come in or go out. A
            // deleted artist's works are deleted first, while the artist is still there to count them
            // out (the key's cascade would delete them after the artist: nothing left to join).
            migrationBuilder.Sql("""
                CREATE FUNCTION posax_count_artist_works() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM "Artworks" WHERE "ArtistId" = OLD."Id";
                        RETURN OLD;
                    END IF;
                    IF (OLD."EmailConfirmed" AND OLD."SuspendedAt" IS NULL) IS DISTINCT FROM (NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL) THEN
                        INSERT INTO "CategoryWorkCounts" AS c ("CategoryId", "Works")
                        SELECT w."CategoryId", CASE WHEN NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL THEN count(*) ELSE -count(*) END
                        FROM "Artworks" w WHERE w."ArtistId" = NEW."Id" AND w."HiddenAt" IS NULL
                        GROUP BY w."CategoryId" ORDER BY w."CategoryId"
                        ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = c."Works" + EXCLUDED."Works";
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "AspNetUsers_CountWorks" AFTER UPDATE OF "EmailConfirmed", "SuspendedAt" ON "AspNetUsers"
                    FOR EACH ROW EXECUTE FUNCTION posax_count_artist_works();
                CREATE TRIGGER "AspNetUsers_DeleteWorks" BEFORE DELETE ON "AspNetUsers"
                    FOR EACH ROW EXECUTE FUNCTION posax_count_artist_works();
                """);
            // The works already there.
            migrationBuilder.Sql("""
                INSERT INTO "CategoryWorkCounts" ("CategoryId", "Works")
                SELECT w."CategoryId", count(*) FROM "Artworks" w JOIN "AspNetUsers" u ON u."Id" = w."ArtistId"
                WHERE w."HiddenAt" IS NULL AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL
                GROUP BY w."CategoryId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AspNetUsers_DeleteWorks" ON "AspNetUsers";
                DROP TRIGGER IF EXISTS "AspNetUsers_CountWorks" ON "AspNetUsers";
                DROP TRIGGER IF EXISTS "Artworks_CountDelete" ON "Artworks";
                DROP TRIGGER IF EXISTS "Artworks_CountUpdate" ON "Artworks";
                DROP TRIGGER IF EXISTS "Artworks_CountInsert" ON "Artworks";
                DROP FUNCTION IF EXISTS posax_count_artist_works();
                DROP FUNCTION IF EXISTS posax_count_works();
                """);
            migrationBuilder.DropTable(
                name: "CategoryWorkCounts");
        }
    }
}
