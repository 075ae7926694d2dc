using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArtistSitemapNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SitemapNumber",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // SQLite has no identity but on the key: an artist gets its row's rowid, the ones already there
            // now, a new one in the trigger (in the inserting statement's transaction, so two never share one).
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "SitemapNumber" = rowid;""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AspNetUsers_SitemapNumber" AFTER INSERT ON "AspNetUsers"
                BEGIN
                    UPDATE "AspNetUsers" SET "SitemapNumber" = NEW.rowid WHERE rowid = NEW.rowid;
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SitemapNumber",
                table: "AspNetUsers",
                column: "SitemapNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AspNetUsers_SitemapNumber";""");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SitemapNumber",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SitemapNumber",
                table: "AspNetUsers");
        }
    }
}
