namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>enrollmentChanged</c>: sent to the student, the teacher and the student's tutor when an enrollment
/// is created or changes status (the payload is api's <c>EnrollmentChangedEvent</c>).
/// </summary>
public static class EnrollmentEventNames
{
    public const string EnrollmentChanged = "enrollmentChanged";
}
