using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, "chat that feels like a messenger": bubbles grouped into days and runs of one author, the unread divider,
/// actions (copy, edit, delete) in a menu shown on hover, focus or a long press, opening at the newest message with
/// older ones loading on scroll, a pill for messages that arrive while reading further up, drafts kept per room, and on
/// phones the room list and the conversation as separate screens with the composer in view.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MessengerChatTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_are_grouped_by_day_and_author_with_the_unread_divider_where_the_reader_stopped()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        var yesterday1 = await Chatting.PostAsync(classroom.Teacher, roomId, "Yesterday one");
        var yesterday2 = await Chatting.PostAsync(classroom.Teacher, roomId, "Yesterday two");
        await BackdateAsync(TimeSpan.FromDays(1), yesterday1.Id, yesterday2.Id);
        await Chatting.PostAsync(classroom.Student, roomId, "Student reply");
        await MarkReadAsync(classroom.Student, roomId);
        await Chatting.PostAsync(classroom.Teacher, roomId, "Today one");
        await Chatting.PostAsync(classroom.Teacher, roomId, "Today two");

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        await page.GotoAsync($"/chat/{roomId}");

        // Two days, each under its name; yesterday's two messages are one run under the teacher's name.
        var days = page.Locator(".messages > .day");
        await Expect(days).ToHaveCountAsync(2);
        await Expect(days.Locator(".day__label")).ToHaveTextAsync(["Yesterday", "Today"]);
        var yesterdayRuns = days.Nth(0).Locator(".run");
        await Expect(yesterdayRuns).ToHaveCountAsync(1);
        await Expect(yesterdayRuns.Locator(".run__author")).ToHaveTextAsync(teacherName);
        await Expect(yesterdayRuns.Locator(".message")).ToHaveCountAsync(2);

        // Today: my reply (on my side, no name shown), the divider, then the teacher's two new messages as one run.
        var today = days.Nth(1).Locator(".day__runs > li");
        await Expect(today).ToHaveCountAsync(3);
        await Expect(today.Nth(0)).ToHaveClassAsync(new Regex(@"\brun--mine\b"));
        await Expect(today.Nth(0)).ToContainTextAsync("Student reply");
        await Expect(today.Nth(0).Locator(".run__author")).ToHaveCountAsync(0);
        await Expect(today.Nth(1)).ToHaveClassAsync("unread-divider");
        await Expect(today.Nth(1)).ToHaveTextAsync("New messages");
        await Expect(today.Nth(2).Locator(".message")).ToHaveTextAsync([new Regex("^Today one"), new Regex("^Today two")]);
        await Expect(today.Nth(2).Locator(".run__author")).ToHaveTextAsync(teacherName);

        // It opened at the newest message.
        await Expect(page.Locator(".message").Filter(new() { HasText = "Today two" })).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "messenger-01-days-runs-divider");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_message_menu_copies_the_others_text_and_edits_and_deletes_my_own_after_confirming()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        await Chatting.PostAsync(classroom.Teacher, roomId, "Please read chapter 3.");
        await Chatting.PostAsync(classroom.Student, roomId, "Will do tomorow");

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        await page.GotoAsync($"/chat/{roomId}");
        var theirs = page.Locator(".message").Filter(new() { HasText = "Please read chapter 3." });
        var mine = page.Locator(".message--mine").Filter(new() { HasText = "Will do" });
        await Expect(mine).ToBeVisibleAsync();

        // No permanent buttons: the actions sit behind one menu, and someone else's message offers only copying.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit message" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete message" })).ToHaveCountAsync(0);
        await theirs.HoverAsync();
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Copy text" })).ToBeVisibleAsync();
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Edit message" })).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Escape");
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Copy text" })).ToHaveCountAsync(0);

        // By keyboard: focus the menu of my message, open it, and edit in place.
        var actions = mine.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" });
        await actions.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(actions).ToHaveAttributeAsync("aria-expanded", "true");
        await Screenshots.SaveAsync(page, "messenger-02-message-menu");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Edit message" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var editor = page.GetByLabel("Edit message");
        await Expect(editor).ToBeFocusedAsync();
        await editor.FillAsync("Will do tomorrow");
        await page.Keyboard.PressAsync("Enter");
        var edited = page.Locator(".message--mine").Filter(new() { HasText = "Will do tomorrow" });
        await Expect(edited).ToContainTextAsync("edited");

        // Deleting asks first, saying what happens; cancelling keeps the message.
        await edited.HoverAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" }).ClickAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this message?" });
        await Expect(dialog).ToContainTextAsync("removed for everyone in this conversation");
        await Expect(dialog).ToContainTextAsync("cannot be undone");
        await Screenshots.SaveAsync(page, "messenger-03-delete-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(edited).ToHaveAttributeAsync("data-deleted", "false");

        await edited.HoverAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" }).ClickAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        var deleted = page.Locator(".message--mine[data-deleted='true']");
        await Expect(deleted).ToContainTextAsync("Message deleted");
        await Expect(deleted.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" })).ToHaveCountAsync(0);
        var stored = await Chatting.MessagesAsync(classroom.Teacher, roomId);
        Assert.Contains(stored.GetProperty("items").EnumerateArray(), m => m.GetProperty("deleted").GetBoolean());
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task It_opens_at_the_newest_message_loads_older_ones_on_scrolling_up_and_shows_a_pill_for_new_ones()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        for (var i = 1; i <= 70; i++)
        {
            await Chatting.PostAsync(classroom.Teacher, roomId, $"Message {i:00}");
        }

        await MarkReadAsync(classroom.Student, roomId);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        await page.GotoAsync($"/chat/{roomId}");
        await Expect(page.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // The newest page (50), scrolled to its end.
        await Expect(Message(page, 70)).ToBeInViewportAsync();
        await Expect(Message(page, 20)).ToHaveCountAsync(0);
        await Expect(page.Locator(".message__text")).ToHaveCountAsync(50);

        // Scrolling to the top loads the earlier twenty above, and what was at the top stays in view.
        await page.Locator(".conversation__scroll").EvaluateAsync("element => { element.scrollTop = 0; }");
        await Expect(page.Locator(".message__text")).ToHaveCountAsync(70);
        await Expect(Message(page, 1)).ToHaveCountAsync(1);
        await Expect(Message(page, 21)).ToBeInViewportAsync();
        await Expect(Message(page, 1)).Not.ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show earlier messages" })).ToHaveCountAsync(0);

        // Reading further up, a new message does not pull the page down: a pill says so and takes me there.
        await Chatting.PostAsync(classroom.Teacher, roomId, "Fresh news");
        var pill = page.GetByRole(AriaRole.Button, new() { Name = "New messages: 1" });
        await Expect(pill).ToBeVisibleAsync(Live);
        await Expect(page.Locator(".message").Filter(new() { HasText = "Fresh news" })).Not.ToBeInViewportAsync();
        await Expect(Message(page, 21)).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "messenger-04-new-messages-pill");
        await pill.ClickAsync();
        await Expect(page.Locator(".message").Filter(new() { HasText = "Fresh news" })).ToBeInViewportAsync();
        await Expect(pill).ToHaveCountAsync(0);

        // At the bottom, the next one simply appears in view.
        await Chatting.PostAsync(classroom.Teacher, roomId, "And more news");
        await Expect(page.Locator(".message").Filter(new() { HasText = "And more news" })).ToBeInViewportAsync(new() { Timeout = 15_000 });
        await Expect(pill).ToHaveCountAsync(0);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_draft_is_kept_per_room_across_navigation_and_reloads_until_it_is_sent()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var directRoom = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        var subjectRoom = await Chatting.SubjectRoomAsync(classroom.Student, classroom.SubjectId);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        var composer = page.GetByLabel("Message", new() { Exact = true });

        await page.GotoAsync($"/chat/{directRoom}");
        await composer.FillAsync("Half-written answer\nsecond line");
        await page.Locator($".room-list [data-room='{subjectRoom}'] a").ClickAsync();
        await Expect(page).ToHaveURLAsync($"/chat/{subjectRoom}");
        await Expect(composer).ToHaveValueAsync("");
        await composer.FillAsync("A question for the group");

        // Away and back through the navigation, and after a reload: each room has its own draft.
        await BrowserSignIn.OpenAsync(page, "Dashboard");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await BrowserSignIn.OpenAsync(page, "Chat");
        await page.Locator($".room-list [data-room='{directRoom}'] a").ClickAsync();
        await Expect(composer).ToHaveValueAsync("Half-written answer\nsecond line");
        await page.ReloadAsync();
        await Expect(composer).ToHaveValueAsync("Half-written answer\nsecond line");
        await page.Locator($".room-list [data-room='{subjectRoom}'] a").ClickAsync();
        await Expect(composer).ToHaveValueAsync("A question for the group");

        // Sending clears it: back in the room later, the box is empty.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".message--mine").Filter(new() { HasText = "A question for the group" })).ToBeVisibleAsync();
        await Expect(composer).ToHaveValueAsync("");
        await page.Locator($".room-list [data-room='{directRoom}'] a").ClickAsync();
        await page.Locator($".room-list [data-room='{subjectRoom}'] a").ClickAsync();
        await Expect(composer).ToHaveValueAsync("");
        await page.Locator($".room-list [data-room='{directRoom}'] a").ClickAsync();
        await Expect(composer).ToHaveValueAsync("Half-written answer\nsecond line");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_phone_the_room_list_and_the_conversation_are_separate_screens_with_the_composer_in_view()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        for (var i = 1; i <= 12; i++)
        {
            await Chatting.PostAsync(classroom.Teacher, roomId, $"Note {i:00}: a longer line of text so that the phone's conversation fills its screen");
        }

        await MarkReadAsync(classroom.Student, roomId);

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        var bottomBar = page.GetByRole(AriaRole.Navigation, new() { Name = "Main pages" });
        await bottomBar.GetByRole(AriaRole.Link, new() { Name = "Chat" }).ClickAsync();

        // The list alone.
        var rooms = page.GetByRole(AriaRole.Navigation, new() { Name = "Conversations" });
        var room = rooms.Locator($"[data-room='{roomId}'] a");
        await Expect(room).ToContainTextAsync(teacherName);
        await Expect(page.Locator(".chat__room")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "messenger-05-phone-room-list");

        // The conversation alone, with a way back; the composer is on screen above the bottom bar.
        await room.ClickAsync();
        await Expect(page).ToHaveURLAsync($"/chat/{roomId}");
        await Expect(rooms).ToBeHiddenAsync();
        await Expect(page.Locator(".message").Filter(new() { HasText = "Note 12" })).ToBeInViewportAsync();
        var composer = page.GetByLabel("Message", new() { Exact = true });
        await Expect(composer).ToBeInViewportAsync();
        var box = await page.Locator(".composer").BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("No composer.");
        var bar = await bottomBar.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("No bottom bar.");
        Assert.True(box.Y + box.Height <= bar.Y + 1, $"The composer ends at {box.Y + box.Height}px, under the bottom bar at {bar.Y}px.");
        await page.Mouse.WheelAsync(0, 2000);
        await Expect(composer).ToBeInViewportAsync();
        await AssertTargetsAsync(page, ".room__back, .composer button, .composer label.button, .message__menu button");
        await Screenshots.SaveAsync(page, "messenger-06-phone-conversation");

        // A long press on a bubble opens its actions.
        var note = page.Locator(".message").Filter(new() { HasText = "Note 12" });
        await note.Locator(".message__text").EvaluateAsync(
            """
            element => {
              const box = element.getBoundingClientRect();
              element.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch', isPrimary: true, clientX: box.x + 5, clientY: box.y + 5 }));
            }
            """);
        await Expect(note.GetByRole(AriaRole.Button, new() { Name = "Copy text" })).ToBeVisibleAsync();
        await Expect(note.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "messenger-07-phone-long-press");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to conversations" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/chat$"));
        await Expect(room).ToBeVisibleAsync();
        await Expect(page.Locator(".chat__room")).ToBeHiddenAsync();
        session.AssertNoPageProblems();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_conversation_with_runs_a_divider_an_open_menu_and_an_edit_has_no_accessibility_violations(string theme)
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        var old = await Chatting.PostAsync(classroom.Teacher, roomId, "From last week");
        await BackdateAsync(TimeSpan.FromDays(6), old.Id);
        await Chatting.PostAsync(classroom.Student, roomId, "My answer");
        await MarkReadAsync(classroom.Student, roomId);
        await Chatting.PostAsync(classroom.Teacher, roomId, "A new question");

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        await page.GotoAsync($"/chat/{roomId}");
        await Expect(page.Locator("[data-unread-divider]")).ToBeVisibleAsync();
        await Expect(page.Locator(".messages > .day")).ToHaveCountAsync(2);
        await Expect(page.Locator("main .state--loading")).ToHaveCountAsync(0);
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("A draft");
        await Accessibility.AssertNoViolationsAsync(page);

        var mine = page.Locator(".message--mine").Filter(new() { HasText = "My answer" });
        await mine.HoverAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Delete message" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"messenger-08-{theme}-menu");

        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
        await Expect(page.GetByLabel("Edit message")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoPageProblems();
    }

    private static ILocator Message(IPage page, int number) =>
        page.Locator(".message__text").Filter(new() { HasTextRegex = new Regex($"^Message {number:00}$") });

    private static async Task MarkReadAsync(SignedIn reader, Guid roomId)
    {
        using var response = await reader.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/read", new { messageId = (Guid?)null }, Ct);
        await Fixtures.Expect.StatusAsync(HttpStatusCode.NoContent, response);
    }

    /// <summary>
    /// Moves messages back in time, as if written that long ago (the API stamps new ones with the present), and the
    /// room's copy of its newest message with them (what the room list shows).
    /// </summary>
    private async Task BackdateAsync(TimeSpan by, params Guid[] messageIds)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            WITH moved AS (UPDATE chat_messages SET created_at = created_at - $1 WHERE id = ANY($2) RETURNING id, created_at),
            room AS (UPDATE chat_rooms AS r SET last_message_created_at = moved.created_at FROM moved WHERE r.last_message_id = moved.id)
            SELECT count(*) FROM moved
            """, connection)
        {
            Parameters = { new NpgsqlParameter { Value = by }, new NpgsqlParameter { Value = messageIds } },
        };
        Assert.Equal(messageIds.Length, Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every visible link and button the selector finds is at least 44 × 44 CSS pixels.</summary>
    private static async Task AssertTargetsAsync(IPage page, string selector)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            (selector) => [...document.querySelectorAll(selector)]
              .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
              .map((el) => ({ el, box: el.getBoundingClientRect() }))
              .filter(({ box }) => box.width < 44 || box.height < 44)
              .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim()}" ${box.width.toFixed(2)}×${box.height.toFixed(2)}`)
            """,
            selector);
        Assert.True(small.Length == 0, $"Targets smaller than 44px: {string.Join("; ", small)}");
    }
}
