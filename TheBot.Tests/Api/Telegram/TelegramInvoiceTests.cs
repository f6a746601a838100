using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Telegram;

/// <summary>
/// The invoice in Telegram: the parent gets one message with amount, purpose and a Pay button; the same message is
/// edited when the invoice is paid (the parent's confirmation, the button gone) or cancelled; the tutor, linked too,
/// gets the payment confirmation in their chat.
/// </summary>
public sealed class TelegramInvoiceTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_parent_gets_the_invoice_with_a_pay_button_and_the_same_message_says_paid_and_the_tutor_is_told()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        await SetLanguageAsync(setup.Parent, "en");
        var parentChat = await fixture.LinkTelegramAsync(setup.Parent);
        var tutorChat = await fixture.LinkTelegramAsync(setup.Tutor);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 3100m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var message = await fixture.Telegram.WaitForMessageAsync(parentChat, m => m.Text.StartsWith("Invoice INV-", StringComparison.Ordinal));
        Assert.Contains("3100.00 RUB for ", message.Text, StringComparison.Ordinal);
        Assert.Contains("Status: Awaiting payment", message.Text, StringComparison.Ordinal);
        Assert.Equal($"{TestSmtpServer.AppBaseUrl}/invoices/{invoice.Id}", message.ButtonUrls()["Pay"]);

        await PayAsync(setup.Parent, invoice.Id);

        var edit = await fixture.Telegram.WaitForEditAsync(parentChat, e => e.MessageId == message.MessageId);
        Assert.Contains("Status: Paid ✓", edit.Text, StringComparison.Ordinal);
        Assert.Empty(edit.ButtonUrls());
        // The tutor's confirmation (Russian: their account's language), and no second invoice message for the parent.
        var paid = await fixture.Telegram.WaitForMessageAsync(tutorChat, m => m.Text.Contains("оплачен", StringComparison.Ordinal));
        Assert.Contains($"Открыть в TheBot: {TestSmtpServer.AppBaseUrl}/invoices/{invoice.Id}", paid.Text, StringComparison.Ordinal);
        Assert.Single(fixture.Telegram.To(parentChat), m => m.Text.Contains("INV-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_invoice_edits_the_message_in_russian_and_removes_the_pay_button()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var parentChat = await fixture.LinkTelegramAsync(setup.Parent);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        var message = await fixture.Telegram.WaitForMessageAsync(parentChat, m => m.Text.StartsWith("Счёт INV-", StringComparison.Ordinal));
        Assert.True(message.ButtonUrls().ContainsKey("Оплатить"));
        // Sent, then viewed: the message still reads the same, so it is not edited.
        using (var viewed = await setup.Parent.Client.PostAsync($"/api/invoices/{invoice.Id}/viewed", null, Ct))
        {
            Assert.True(viewed.IsSuccessStatusCode);
        }

        using (var cancel = await setup.Tutor.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/cancel", new { reason = "Entered twice" }, Ct))
        {
            Assert.True(cancel.IsSuccessStatusCode, $"cancel: {(int)cancel.StatusCode}");
        }

        var edit = await fixture.Telegram.WaitForEditAsync(parentChat, e => e.MessageId == message.MessageId);
        Assert.Contains("Статус: Отменён", edit.Text, StringComparison.Ordinal);
        Assert.Empty(edit.ButtonUrls());
        Assert.Single(fixture.Telegram.EditsIn(parentChat));
    }

    [Fact]
    public async Task An_edit_telegram_refuses_at_first_is_made_when_telegram_lets_it()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        await SetLanguageAsync(setup.Parent, "en");
        var parentChat = await fixture.LinkTelegramAsync(setup.Parent);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 1900m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        var message = await fixture.Telegram.WaitForMessageAsync(parentChat, m => m.Text.StartsWith("Invoice INV-", StringComparison.Ordinal));

        // Telegram is busy when the invoice is paid: its next two answers in this chat are 429 with retry_after 1 s.
        fixture.Telegram.TooManyRequests(parentChat, count: 2, retryAfterSeconds: 1);
        await PayAsync(setup.Parent, invoice.Id);

        var edit = await fixture.Telegram.WaitForEditAsync(parentChat, e => e.MessageId == message.MessageId);
        Assert.Contains("Status: Paid ✓", edit.Text, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Telegram.TooManyRequestsLeft(parentChat));
        Assert.Single(fixture.Telegram.EditsIn(parentChat), e => e.MessageId == message.MessageId);
    }

    private async Task PayAsync(SignedIn parent, Guid invoiceId)
    {
        using var pay = await parent.Client.PostAsync($"/api/invoices/{invoiceId}/pay", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, pay);
        var confirmation = new Uri((await pay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);
        using var client = fixture.Host.CreateWebClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeed" });
        using var decision = await client.PostAsync($"/api/payments/sandbox/{confirmation.Segments[^1]}", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
    }

    private static async Task SetLanguageAsync(SignedIn person, string language)
    {
        using var response = await person.Client.PatchAsJsonAsync("/api/auth/me", new { language }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }
}
