using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MillionSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SuspendedAt",
                table: "AspNetUsers",
                column: "SuspendedAt",
                filter: "\"SuspendedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_CategoryId_Price_Id",
                table: "Artworks",
                columns: new[] { "CategoryId", "Price", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_HiddenAt",
                table: "Artworks",
                column: "HiddenAt",
                filter: "\"HiddenAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SuspendedAt",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Artworks_CategoryId_Price_Id",
                table: "Artworks");

            migrationBuilder.DropIndex(
                name: "IX_Artworks_HiddenAt",
                table: "Artworks");
        }
    }
}
