using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>
/// GET /api/chat/contacts lists exactly the people the caller may start a chat with: everyone it lists can be chatted
/// with, and the people it leaves out are refused by POST /api/chat/rooms.
/// </summary>
public sealed class ChatContactsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_contacts_are_exactly_the_people_a_chat_can_be_started_with()
    {
        var family = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var otherTutor = await fixture.People.CreateAsync("tutor");
        var otherParent = await fixture.People.CreateAsync("parent");
        var candidates = new[] { family.Tutor, family.Student, otherTutor, otherParent };

        // The parent may chat with their child's tutor, not with another tutor, another parent or their child (never).
        var parentContacts = await ContactIdsAsync(family.Parent, "");
        Assert.Contains(family.Tutor.Id, parentContacts);
        foreach (var refused in new[] { family.Student, otherTutor, otherParent })
        {
            Assert.DoesNotContain(refused.Id, parentContacts);
        }

        // The tutor: their student and that student's parent.
        var tutorContacts = await ContactIdsAsync(family.Tutor, "");
        Assert.Contains(family.Student.Id, tutorContacts);
        Assert.Contains(family.Parent.Id, tutorContacts);
        Assert.DoesNotContain(otherParent.Id, tutorContacts);
        Assert.DoesNotContain(otherTutor.Id, tutorContacts);

        // What the list says is what starting a chat does.
        foreach (var caller in new[] { family.Parent, family.Tutor })
        {
            var contacts = caller == family.Parent ? parentContacts : tutorContacts;
            foreach (var other in candidates.Where(p => p.Id != caller.Id))
            {
                using var start = await caller.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = other.Id }, Ct);
                var expected = contacts.Contains(other.Id) ? "allowed" : "refused";
                var actual = start.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK ? "allowed"
                    : start.StatusCode == HttpStatusCode.Forbidden ? "refused" : $"HTTP {(int)start.StatusCode}";
                Assert.True(expected == actual, $"{caller.Role} → {other.Role}: the contacts say {expected}, starting a chat was {actual}");
            }
        }
    }

    [Fact]
    public async Task Contacts_can_be_searched_by_name_and_filtered_by_role_in_pages()
    {
        var family = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var all = await family.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/chat/contacts?role=student", Ct);
        var student = all.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == family.Student.Id);
        Assert.Equal("student", student.GetProperty("role").GetString());
        Assert.All(all.GetProperty("items").EnumerateArray(), c => Assert.Equal("student", c.GetProperty("role").GetString()));

        var name = student.GetProperty("fullName").GetString()!;
        var part = name.Length > 6 ? name[2..^2] : name;
        var found = await ContactIdsAsync(family.Tutor, $"?search={Uri.EscapeDataString(part.ToUpperInvariant())}");
        Assert.Contains(family.Student.Id, found);
        Assert.DoesNotContain(family.Parent.Id, await ContactIdsAsync(family.Tutor, $"?role=student&search={Uri.EscapeDataString(part)}"));

        var first = await family.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/chat/contacts?pageSize=1", Ct);
        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.True(first.GetProperty("totalCount").GetInt32() >= 2);

        foreach (var bad in new[] { "?role=wizard", "?pageSize=0", "?pageSize=101", $"?search={new string('a', 101)}" })
        {
            using var invalid = await family.Tutor.Client.GetAsync($"/api/chat/contacts{bad}", Ct);
            await Expect.StatusAsync(HttpStatusCode.BadRequest, invalid);
        }

        using var anonymous = fixture.People.CreateAnonymousClient();
        using var unauthorized = await anonymous.GetAsync("/api/chat/contacts", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, unauthorized);
    }

    private static async Task<HashSet<Guid>> ContactIdsAsync(SignedIn caller, string query)
    {
        var ids = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            var separator = query.Length == 0 ? "?" : "&";
            var result = await caller.Client.GetFromJsonAsync<JsonElement>($"/api/chat/contacts{query}{separator}pageSize=100&page={page}", Ct);
            foreach (var item in result.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetGuid());
            }

            if (page >= result.GetProperty("totalPages").GetInt32())
            {
                return ids;
            }
        }
    }
}
