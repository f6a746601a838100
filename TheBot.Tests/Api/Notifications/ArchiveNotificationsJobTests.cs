using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications;

public sealed class ArchiveNotificationsJobTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task Notifications_older_than_30_days_leave_the_inbox_but_stay_in_the_archive()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var fresh = Assert.Single(await setup.Parent.NotificationsAboutAsync(invoiceId.ToString()));
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE notifications SET created_at = now() - interval '31 days' WHERE id = $1", fresh.GetProperty("id").GetGuid());
        var admin = await fixture.People.AdminAsync();

        await admin.RunJobAsync("archive-notifications");

        Assert.Empty(await setup.Parent.NotificationsAboutAsync(invoiceId.ToString()));
        Assert.Single(await setup.Parent.NotificationsAboutAsync(invoiceId.ToString(), archived: true));
    }
}
