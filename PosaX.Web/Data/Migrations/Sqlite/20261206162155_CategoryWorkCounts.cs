using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Sqlite
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
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Works = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryWorkCounts", x => x.CategoryId);
                });

            // The works on the site per category (PublicVisibility.ArtworkOnSite: not hidden, by an
            // activated artist not suspended), kept in the transaction of every change, as the
            // PostgreSQL set does (SQLite has row triggers only). A migration that rebuilds "Artworks"
            // or "AspNetUsers" (SQLite's way to alter a column) drops these triggers: it must create them again.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artworks_CountInsert" AFTER INSERT ON "Artworks"
                WHEN NEW."HiddenAt" IS NULL AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = NEW."ArtistId" AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL)
                BEGIN
                    INSERT INTO "CategoryWorkCounts" ("CategoryId", "Works") VALUES (NEW."CategoryId", 1)
                    ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = "Works" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artworks_CountDelete" AFTER DELETE ON "Artworks"
                WHEN OLD."HiddenAt" IS NULL AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = OLD."ArtistId" AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL)
                BEGIN
                    UPDATE "CategoryWorkCounts" SET "Works" = "Works" - 1 WHERE "CategoryId" = OLD."CategoryId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Artworks_CountUpdate" AFTER UPDATE OF "HiddenAt", "CategoryId", "ArtistId" ON "Artworks"
                BEGIN
                    UPDATE "CategoryWorkCounts" SET "Works" = "Works" - 1
                    WHERE "CategoryId" = OLD."CategoryId" AND OLD."HiddenAt" IS NULL AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = OLD."ArtistId" AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL);
                    INSERT INTO "CategoryWorkCounts" ("CategoryId", "Works") SELECT NEW."CategoryId", 1
                    WHERE NEW."HiddenAt" IS NULL AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = NEW."ArtistId" AND u."EmailConfirmed" AND u."SuspendedAt" IS NULL)
                    ON CONFLICT ("CategoryId") DO UPDATE SET "Works" = "Works" + 1;
                END;
                """);
            // Artists: activated, suspended or restored, their works not hidden come in or go out. A
            // deleted artist's works are deleted first, while the artist is still there to count them out.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AspNetUsers_CountWorks" AFTER UPDATE OF "EmailConfirmed", "SuspendedAt" ON "AspNetUsers"
                WHEN (OLD."EmailConfirmed" AND OLD."SuspendedAt" IS NULL) IS NOT (NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL)
                BEGIN
                    INSERT INTO "CategoryWorkCounts" ("CategoryId", "Works")
                    SELECT DISTINCT w."CategoryId", 0 FROM "Artworks" w WHERE w."ArtistId" = NEW."Id" AND w."HiddenAt" IS NULL
                    ON CONFLICT ("CategoryId") DO NOTHING;
                    UPDATE "CategoryWorkCounts"
                    SET "Works" = "Works" + (CASE WHEN NEW."EmailConfirmed" AND NEW."SuspendedAt" IS NULL THEN 1 ELSE -1 END)
                        * (SELECT count(*) FROM "Artworks" w WHERE w."ArtistId" = NEW."Id" AND w."HiddenAt" IS NULL AND w."CategoryId" = "CategoryWorkCounts"."CategoryId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AspNetUsers_DeleteWorks" BEFORE DELETE ON "AspNetUsers"
                BEGIN
                    DELETE FROM "Artworks" WHERE "ArtistId" = OLD."Id";
                END;
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
                DROP TRIGGER IF EXISTS "AspNetUsers_DeleteWorks";
                DROP TRIGGER IF EXISTS "AspNetUsers_CountWorks";
                DROP TRIGGER IF EXISTS "Artworks_CountUpdate";
                DROP TRIGGER IF EXISTS "Artworks_CountDelete";
                DROP TRIGGER IF EXISTS "Artworks_CountInsert";
                """);
            migrationBuilder.DropTable(
                name: "CategoryWorkCounts");
        }
    }
}
