using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PosaX.Web.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: false)
                // An identity column: PostgreSQL numbers the artists already there as it adds it.
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SitemapNumber",
                table: "AspNetUsers",
                column: "SitemapNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SitemapNumber",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SitemapNumber",
                table: "AspNetUsers");
        }
    }
}
