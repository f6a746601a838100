using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Audit;

/// <summary>Staff changes to enrollments, invoices, grades and lessons are in the audit log with before → after and their actor.</summary>
public sealed class AuditedWorkTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrolling_and_changing_an_enrollment_are_recorded_for_the_tutor()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();

        var created = await AuditLog.SingleAsync(admin, c.EnrollmentId, "create");
        AuditLog.ActedBy(created, c.Tutor, "tutor");
        Assert.Equal("enrollment", created.GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal((null, c.Student.Id.ToString()), AuditLog.Change(created, "studentId"));

        using var ended = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "completed" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, ended);

        var changed = await AuditLog.SingleAsync(admin, c.EnrollmentId, "change-status");
        AuditLog.ActedBy(changed, c.Tutor, "tutor");
        Assert.Equal(("active", "completed"), AuditLog.Change(changed, "status"));
    }

    [Fact]
    public async Task An_invoice_s_creation_edit_sending_and_cancelling_are_recorded_and_a_parent_s_viewing_is_not()
    {
        var admin = await fixture.People.AdminAsync();
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, amount: 4500m);

        var created = await AuditLog.SingleAsync(admin, invoice.Id, "create");
        AuditLog.ActedBy(created, setup.Tutor, "tutor");
        Assert.Contains("4500.00 RUB", created.GetProperty("entity").GetProperty("label").GetString(), StringComparison.Ordinal);

        using (var edit = await setup.Tutor.Client.PatchAsJsonAsync($"/api/invoices/{invoice.Id}", new { amount = 5000m }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, edit);
        }

        Assert.Equal(("4500.00", "5000.00"), AuditLog.Change(await AuditLog.SingleAsync(admin, invoice.Id, "update"), "amount"));

        await Billing.SendAsync(setup.Tutor, invoice.Id);
        Assert.Equal(("draft", "sent"), AuditLog.Change(await AuditLog.SingleAsync(admin, invoice.Id, "send"), "status"));

        using (var viewed = await setup.Parent.Client.PostAsync($"/api/invoices/{invoice.Id}/viewed", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, viewed);
        }

        using (var cancel = await setup.Tutor.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/cancel", new { reason = "Family moved" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        var cancelled = await AuditLog.SingleAsync(admin, invoice.Id, "cancel");
        Assert.Equal(("viewed", "cancelled"), AuditLog.Change(cancelled, "status"));
        var rows = await AuditLog.OfEntityAsync(admin, invoice.Id);
        Assert.DoesNotContain(rows, r => r.GetProperty("actor").GetProperty("id").GetGuid() == setup.Parent.Id);
    }

    [Fact]
    public async Task Grading_a_submission_is_recorded_with_the_score_and_the_student_s_submitting_is_not()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var assignmentId = await fixture.Learning.AssignAsync(c);
        var submissionId = await fixture.Learning.SubmitAsync(c.Student, assignmentId);
        Assert.Empty(await AuditLog.OfEntityAsync(admin, submissionId));

        await fixture.Learning.GradeAsync(c.Teacher, submissionId, 8.5m);

        var graded = await AuditLog.SingleAsync(admin, submissionId, "grade");
        AuditLog.ActedBy(graded, c.Teacher, "teacher");
        Assert.Equal("submission", graded.GetProperty("entity").GetProperty("type").GetString());
        Assert.Null(AuditLog.Change(graded, "score").Before);
        Assert.Equal("8.50", AuditLog.Change(graded, "score").After);
        Assert.Equal(("submitted", "graded"), AuditLog.Change(graded, "status"));
        Assert.False(AuditLog.HasChange(graded, "text"));
    }

    [Fact]
    public async Task Booking_rescheduling_and_cancelling_a_lesson_are_recorded_and_a_refused_booking_is_not()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(9).AddHours(10), TimeSpan.Zero);
        var lessonId = await fixture.Learning.BookLessonAsync(c, startsAt, topic: "Fractions");

        var created = await AuditLog.SingleAsync(admin, lessonId, "create");
        AuditLog.ActedBy(created, c.Teacher, "teacher");
        Assert.Equal("Fractions", AuditLog.Change(created, "topic").After);

        // The same hour again: the database refuses it (409), and its audit row goes with it.
        using (var clash = await c.Teacher.Client.PostAsJsonAsync("/api/lessons", new
        {
            studentId = c.Student.Id, subjectId = c.SubjectId, startsAt, endsAt = startsAt.AddHours(1),
        }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, clash);
        }

        using (var byTeacher = await admin.Client.GetAsync($"/api/audit?actorId={c.Teacher.Id}&entityType=lesson&action=create&pageSize=100", Ct))
        {
            var page = await byTeacher.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
            Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        }

        var moved = startsAt.AddDays(1);
        using (var reschedule = await c.Teacher.Client.PatchAsJsonAsync($"/api/lessons/{lessonId}", new { startsAt = moved, endsAt = moved.AddHours(1) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, reschedule);
        }

        var rescheduled = await AuditLog.SingleAsync(admin, lessonId, "reschedule");
        Assert.Equal(startsAt, DateTimeOffset.Parse(AuditLog.Change(rescheduled, "startsAt").Before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(moved, DateTimeOffset.Parse(AuditLog.Change(rescheduled, "startsAt").After!, System.Globalization.CultureInfo.InvariantCulture));

        using (var cancel = await c.Tutor.Client.PostAsJsonAsync($"/api/lessons/{lessonId}/cancel", new { reason = "Ill" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        var cancelled = await AuditLog.SingleAsync(admin, lessonId, "cancel");
        AuditLog.ActedBy(cancelled, c.Tutor, "tutor");
        Assert.Equal("cancelled", AuditLog.Change(cancelled, "status").After);
        Assert.Equal("Ill", AuditLog.Change(cancelled, "cancelReason").After);
    }
}
