using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountLanguageAndEnglishContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Orders",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.AddColumn<string>(
                name: "BioEn",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "Artworks",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Artworks",
                type: "TEXT",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BioEn",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "Artworks");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Artworks");
        }
    }
}
