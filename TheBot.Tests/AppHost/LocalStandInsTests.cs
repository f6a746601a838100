using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.AppHost.Infrastructure.Telegram;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.AppHost;

/// <summary>
/// Telegram and e-mail on a laptop with no bot token and no SMTP server, as <c>dotnet run --project TheBot.AppHost</c>
/// gives them: the AppHost's stand-in plays Telegram and smtp4dev catches e-mail. The profile's "Link Telegram" link
/// opens the stand-in, Start there links the chat through api's webhook (behind the front door), the tutor's invoice
/// arrives with its Pay button, paying in the sandbox edits it and tells the tutor — all readable on its pages — and
/// the same invoice is in the local inbox.
/// </summary>
public sealed class LocalStandInsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parent_links_telegram_through_the_stand_in_reads_the_invoice_and_its_payment_there_and_finds_the_invoice_in_the_local_inbox()
    {
        await using var host = await TestAppHost.StartAsync(
            ["--Infrastructure:TelegramStandIn", "true", "--Infrastructure:LocalInbox", "true"], cancellationToken: Ct);
        using var people = new People(host);
        var billing = new Billing(host, new Learning(people));
        var standIn = host.App.Services.GetRequiredService<TelegramStandInServer>();
        using var telegram = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = standIn.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var setup = await billing.CreateFamilyWithTutorAsync(people);
        var parentChat = await LinkAsync(setup.Parent, telegram, "Parent");
        var tutorChat = await LinkAsync(setup.Tutor, telegram, "Tutor");

        var invoice = await billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 2700m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        var message = await WaitForAsync(telegram, parentChat, m => m.Text.Contains("INV-", StringComparison.Ordinal) && m.Buttons.Count == 1);
        Assert.Contains("2700.00 RUB", message.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/invoices/{invoice.Id}", message.Buttons[0].Url, StringComparison.Ordinal);

        // The Pay button leads into the site; the parent pays in the sandbox.
        using (var pay = await setup.Parent.Client.PostAsync($"/api/invoices/{invoice.Id}/pay", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, pay);
            var confirmation = new Uri((await pay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);
            using var client = host.CreateWebClient();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeed" });
            using var decision = await client.PostAsync($"/api/payments/sandbox/{confirmation.Segments[^1]}", form, Ct);
            Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        }

        var paid = await WaitForAsync(telegram, parentChat, m => m.Id == message.Id && m.EditedAt is not null);
        Assert.Empty(paid.Buttons);
        await WaitForAsync(telegram, tutorChat, m => m.Text.Contains($"/invoices/{invoice.Id}", StringComparison.Ordinal));

        // What the developer reads: the chat page shows the messages, the edit marked.
        var page = await telegram.GetStringAsync($"/chats/{parentChat}", Ct);
        Assert.Contains("INV-", page, StringComparison.Ordinal);
        Assert.Contains("edited", page, StringComparison.Ordinal);

        // The same invoice by e-mail, in smtp4dev's inbox (its web API lists what it caught).
        await host.App.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceHealthyAsync("mail", Ct);
        using var inbox = new HttpClient { BaseAddress = host.App.GetEndpoint("mail", "http"), Timeout = TimeSpan.FromSeconds(30) };
        var number = message.Text[message.Text.IndexOf("INV-", StringComparison.Ordinal)..].Split('\n', ' ')[0];
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var caught = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=200", Ct);
            if (caught.GetProperty("results").EnumerateArray().Any(m =>
                    m.GetProperty("to").EnumerateArray().Any(to => to.GetString() == setup.Parent.Email)
                    && m.GetProperty("subject").GetString()!.Contains(number, StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No e-mail about {number} to {setup.Parent.Email} in the local inbox: {caught}");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The profile's link, opened in the stand-in and Start pressed there, as a person does it.</summary>
    private static async Task<long> LinkAsync(SignedIn person, HttpClient telegram, string name)
    {
        using var response = await person.Client.PostAsync("/api/profile/telegram/link", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var link = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!);
        Assert.Equal(telegram.BaseAddress!.Authority, link.Authority);
        Assert.Equal("/" + TelegramStandInOptions.DefaultBotUsername, link.AbsolutePath);
        var payload = Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("start=", StringComparison.Ordinal))["start=".Length..]);

        var landing = await telegram.GetStringAsync(link, Ct);
        Assert.Contains($"value=\"{payload}\"", landing, StringComparison.Ordinal);

        using var start = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["language"] = "en", ["start"] = payload });
        using var started = await telegram.PostAsync("/chats", start, Ct);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var chatId = long.Parse(started.Headers.Location!.OriginalString["/chats/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        await WaitForAsync(telegram, chatId, m => m.Text.StartsWith("Done: this chat is linked", StringComparison.Ordinal) || m.Text.StartsWith("Готово", StringComparison.Ordinal));
        using var status = await person.Client.GetAsync("/api/profile/telegram", Ct);
        var linked = await status.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(linked.GetProperty("linked").GetBoolean(), linked.ToString());
        return chatId;
    }

    private static async Task<StandInMessage> WaitForAsync(HttpClient telegram, long chatId, Func<StandInMessage, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var state = await telegram.GetFromJsonAsync<StandInState>("/api/chats", People.Json, Ct);
            var found = state!.Chats.Single(c => c.Id == chatId).Messages.FirstOrDefault(m => m.FromBot && match(m));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No such message in chat {chatId}: {JsonSerializer.Serialize(state, People.Json)}");
            await Task.Delay(200, Ct);
        }
    }

    private sealed record StandInState(string Bot, Uri? Webhook, List<StandInChatState> Chats);

    private sealed record StandInChatState(long Id, string FirstName, List<StandInMessage> Messages);
}
