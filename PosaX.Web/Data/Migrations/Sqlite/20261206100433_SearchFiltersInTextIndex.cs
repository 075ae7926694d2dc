using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PosaX.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFiltersInTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
