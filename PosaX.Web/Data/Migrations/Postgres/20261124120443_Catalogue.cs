using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PosaX.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accent-insensitive French search: unaccent before stemming ("foret ebene" finds
            // "Forêt d'ébène"), and trigrams for misspelled artist names. Both extensions are
            // trusted: the database owner may create them. unaccent() itself is not IMMUTABLE,
            // so indexes use posax_unaccent, which names its dictionary.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE TEXT SEARCH CONFIGURATION posax_fr (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION posax_fr
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
                CREATE FUNCTION posax_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                CREATE INDEX "IX_AspNetUsers_DisplayName_trgm" ON "AspNetUsers"
                    USING gin (lower(posax_unaccent("DisplayName")) gin_trgm_ops);
                """);

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Artworks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArtistId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Medium = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    HeightCm = table.Column<double>(type: "double precision", nullable: false),
                    WidthCm = table.Column<double>(type: "double precision", nullable: false),
                    DepthCm = table.Column<double>(type: "double precision", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Orientation = table.Column<int>(type: "integer", nullable: false),
                    SizeClass = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('posax_fr'::regconfig, coalesce(\"Title\", '')), 'A') ||\nsetweight(to_tsvector('posax_fr'::regconfig, coalesce(\"SearchText\", '')), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Artworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Artworks_AspNetUsers_ArtistId",
                        column: x => x.ArtistId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Artworks_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArtworkImages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArtworkId = table.Column<long>(type: "bigint", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Widths = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArtworkImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArtworkImages_Artworks_ArtworkId",
                        column: x => x.ArtworkId,
                        principalTable: "Artworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ArtworkId = table.Column<long>(type: "bigint", nullable: false),
                    ArtistId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BuyerPhone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BuyerEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Artworks_ArtworkId",
                        column: x => x.ArtworkId,
                        principalTable: "Artworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Orders_AspNetUsers_ArtistId",
                        column: x => x.ArtistId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                });

            migrationBuilder.InsertData(
                table: "Categories",
                columns: new[] { "Id", "IsRetired", "Name", "Slug", "SortOrder" },
                values: new object[,]
                {
                    { 1, false, "Peinture", "peinture", 1 },
                    { 2, false, "Sculpture", "sculpture", 2 },
                    { 3, false, "Photographie", "photographie", 3 },
                    { 4, false, "Dessin", "dessin", 4 },
                    { 5, false, "Textile", "textile", 5 },
                    { 6, false, "Perlage", "perlage", 6 },
                    { 7, false, "Art numérique", "art-numerique", 7 },
                    { 8, false, "Gravure", "gravure", 8 },
                    { 9, false, "Céramique", "ceramique", 9 },
                    { 10, false, "Techniques mixtes", "techniques-mixtes", 10 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArtworkImages_ArtworkId_Position",
                table: "ArtworkImages",
                columns: new[] { "ArtworkId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_ArtistId_CreatedAt",
                table: "Artworks",
                columns: new[] { "ArtistId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_CategoryId_CreatedAt_Id",
                table: "Artworks",
                columns: new[] { "CategoryId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_CreatedAt_Id",
                table: "Artworks",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_Price_Id",
                table: "Artworks",
                columns: new[] { "Price", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Artworks_SearchVector",
                table: "Artworks",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Slug",
                table: "Categories",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ArtistId_CreatedAt",
                table: "Orders",
                columns: new[] { "ArtistId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ArtworkId",
                table: "Orders",
                column: "ArtworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Reference",
                table: "Orders",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_AspNetUsers_DisplayName_trgm";
                """);
            migrationBuilder.DropTable(
                name: "ArtworkImages");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "Artworks");

            migrationBuilder.DropTable(
                name: "Categories");
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS posax_unaccent(text);
                DROP TEXT SEARCH CONFIGURATION IF EXISTS posax_fr;
                """);
        }
    }
}
