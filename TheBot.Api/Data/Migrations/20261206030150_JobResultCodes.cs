using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <summary>
    /// A job run records what it did as data — a result code and the counts it names (jsonb) — which the SPA words in the
    /// reader's language; the English summary stays for logs. Older runs have neither and show their summary.
    /// </summary>
    public partial class JobResultCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "counts",
                table: "job_runs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "result_code",
                table: "job_runs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "counts",
                table: "job_runs");

            migrationBuilder.DropColumn(
                name: "result_code",
                table: "job_runs");
        }
    }
}
