using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Invoices;

/// <summary>
/// The invoices as an .xlsx workbook: one query, small row records, the workbook written to a
/// temporary file (the zip format needs to seek) and streamed out from there.
/// </summary>
public static class InvoiceExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(HttpContext http, IQueryable<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);

        var rows = invoices.AsNoTracking()
            .OrderBy(i => i.Number)
            .Select(i => new
            {
                i.Number,
                Student = i.Student!.FullName,
                Parent = i.Parent!.FullName,
                Description = i.Description,
                Amount = i.Amount,
                Currency = i.Currency,
                i.Status,
                i.DueDate,
                i.SentAt,
                i.PaidAt,
            })
            .AsAsyncEnumerable();

        var path = Path.Combine(Path.GetTempPath(), $"thebot-invoices-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffered = new List<InvoiceRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            buffered.Add(new InvoiceRow
            {
                Number = $"INV-{row.Number:D6}",
                Student = row.Student,
                Parent = row.Parent,
                Description = row.Description,
                Amount = row.Amount,
                Currency = row.Currency,
                Status = WireName.Of(row.Status),
                DueDate = row.DueDate.ToDateTime(TimeOnly.MinValue),
                SentAt = row.SentAt?.UtcDateTime,
                PaidAt = row.PaidAt?.UtcDateTime,
            });
        }

        await file.SaveAsAsync(buffered, sheetName: "Invoices", cancellationToken: cancellationToken);
        file.Position = 0;

        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"invoices-{DateTime.UtcNow:yyyy-MM-dd}.xlsx\"";
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, cancellationToken);
    }

    /// <summary>One spreadsheet row; the property names are the column headers.</summary>
    public sealed class InvoiceRow
    {
        public required string Number { get; init; }

        public required string Student { get; init; }

        public required string Parent { get; init; }

        public required string Description { get; init; }

        public decimal Amount { get; init; }

        public required string Currency { get; init; }

        public required string Status { get; init; }

        public DateTime DueDate { get; init; }

        public DateTime? SentAt { get; init; }

        public DateTime? PaidAt { get; init; }
    }
}
