using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Billing;

public static class BillingReportsApi
{
    public static IEndpointRouteBuilder MapBillingReportsApi(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/billing/reports").WithTags("Billing");
        reports.MapGet("/revenue", RevenueAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("GetRevenueReport").WithSummary("Revenue (paid less refunds) and outstanding per tutor, month and currency (tutors: their own)");
        reports.MapGet("/revenue/export", ExportAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ExportRevenueReport").WithSummary("The revenue report as an Excel workbook (.xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: InvoiceExport.ContentType);
        return api;
    }

    private static async Task<Ok<List<RevenueReportRow>>> RevenueAsync(
        [AsParameters] RevenueReportQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RevenueReport.BuildAsync(db, caller, query, clock, ct));

    private static async Task ExportAsync(
        [AsParameters] RevenueReportQuery query, HttpContext http, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = (await RevenueReport.BuildAsync(db, caller, query, clock, ct)).Select(r => new RevenueRow
        {
            Tutor = r.Tutor.FullName,
            Month = r.Month,
            Currency = r.Currency,
            Paid = r.Paid,
            Refunded = r.Refunded,
            Revenue = r.Revenue,
            Outstanding = r.Outstanding,
        }).ToList();

        // The zip format needs to seek: written to a temporary file, then streamed out (as the invoice export does).
        var path = Path.Combine(Path.GetTempPath(), $"thebot-revenue-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.SaveAsAsync(rows, sheetName: "Revenue", cancellationToken: ct);
        file.Position = 0;
        http.Response.ContentType = InvoiceExport.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"revenue-{DateTime.UtcNow:yyyy-MM-dd}.xlsx\"";
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, ct);
    }

    /// <summary>One spreadsheet row; the property names are the column headers.</summary>
    public sealed class RevenueRow
    {
        public required string Tutor { get; init; }

        public required string Month { get; init; }

        public required string Currency { get; init; }

        public decimal Paid { get; init; }

        public decimal Refunded { get; init; }

        public decimal Revenue { get; init; }

        public decimal Outstanding { get; init; }
    }
}
