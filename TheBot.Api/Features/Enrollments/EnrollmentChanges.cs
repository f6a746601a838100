namespace TheBot.Api.Features.Enrollments;

/// <summary>
/// Something another feature does when an enrollment starts or changes (Chat keeps the subject's room and the
/// student's direct rooms in step). Enrollments names the moment and Chat implements it, so Enrollments does not depend on Chat.
/// </summary>
public interface IEnrollmentChangeFollower
{
    Task EnrollmentChangedAsync(Guid subjectId, Guid teacherId, Guid studentId, CancellationToken ct);
}

/// <summary>Tells every registered <see cref="IEnrollmentChangeFollower"/>, in registration order.</summary>
public sealed class EnrollmentChanges(IEnumerable<IEnrollmentChangeFollower> followers)
{
    public async Task ChangedAsync(Guid subjectId, Guid teacherId, Guid studentId, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.EnrollmentChangedAsync(subjectId, teacherId, studentId, ct);
        }
    }
}
