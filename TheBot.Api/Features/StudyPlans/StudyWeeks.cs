namespace TheBot.Api.Features.StudyPlans;

/// <summary>Plans are kept by ISO week, named by its Monday.</summary>
public static class StudyWeeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
