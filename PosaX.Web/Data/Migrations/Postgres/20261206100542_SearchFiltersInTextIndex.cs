using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchFiltersInTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Scalar columns in a GIN index (PostgreSQL's contrib, as unaccent and pg_trgm).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_SearchVector_Filters",
                table: "Artworks",
                columns: new[] { "SearchVector", "CategoryId", "SizeClass", "Orientation", "Status" })
                .Annotation("Npgsql:IndexMethod", "GIN");

            // The new index serves the word alone too (a multicolumn GIN index answers any of its columns).
            migrationBuilder.DropIndex(
                name: "IX_Artworks_SearchVector",
                table: "Artworks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Artworks_SearchVector_Filters",
                table: "Artworks");

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_SearchVector",
                table: "Artworks",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
