using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Warmup;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// The week calendar's request (<c>GET /api/lessons?from&amp;to&amp;pageSize=100</c>, the busiest read) as a teacher and as
/// a student (the first lesson's, when there is one; nothing is written): EF compiles and caches both query shapes,
/// Npgsql prepares them and reads rows; then a page is written as the endpoint writes it.
/// </summary>
public sealed class LessonsWarmup(IServiceScopeFactory scopes, IOptions<HttpJsonOptions> json, TimeProvider clock) : IWarmupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = new LessonQuery { From = now, To = now.AddDays(7), PageSize = PageRequest.MaxPageSize };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            var someone = await db.Lessons.AsNoTracking().Select(l => new { l.TeacherId, l.StudentId }).FirstOrDefaultAsync(cancellationToken);
            foreach (var (id, role) in ((Guid, UserRole)[])[(someone?.TeacherId ?? Guid.NewGuid(), UserRole.Teacher), (someone?.StudentId ?? Guid.NewGuid(), UserRole.Student)])
            {
                var page = await LessonsApi.PageAsync(week, new CurrentUser(id, role, Guid.NewGuid()), db, cancellationToken);
                await JsonSerializer.SerializeAsync(Stream.Null, page, json.Value.SerializerOptions, cancellationToken);
            }
        }

        var person = new PersonRef(Guid.Empty, "Warm-up", "warmup@thebot.local");
        var sample = new PagedResult<LessonResponse>(
            [new LessonResponse(Guid.Empty, new EnrollmentSubject(Guid.Empty, "Warm-up", "#000000"), person, person, now, now.AddHours(1),
                LessonStatus.Confirmed, "Topic", null, null, now, now)],
            1, PageRequest.MaxPageSize, 1);
        await JsonSerializer.SerializeAsync(Stream.Null, sample, json.Value.SerializerOptions, cancellationToken);
    }
}
