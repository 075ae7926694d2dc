using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchPostingsByPrice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A word's works in price order, for the searches sorted by price: without it they read every posting of
            // their word and sorted them (issue 17). Built from the table once (see DataRegistration's time-out).
            migrationBuilder.CreateIndex(
                name: "IX_SearchPostings_Price",
                table: "SearchPostings",
                columns: new[] { "Lexeme", "Price", "ArtworkId" })
                .Annotation("Npgsql:IndexInclude", new[] { "CreatedAt", "CategoryId", "SizeClass", "Orientation", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchPostings_Price",
                table: "SearchPostings");
        }
    }
}
