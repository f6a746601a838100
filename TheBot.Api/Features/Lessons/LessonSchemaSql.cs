namespace TheBot.Api.Features.Lessons;

/// <summary>
/// Hand-written SQL the lessons table needs beyond what EF Core models: the exclusion constraints
/// that make double booking impossible even under concurrent requests. Migrations call these
/// (<c>migrationBuilder.Sql(LessonSchemaSql.CreateNoOverlapConstraints)</c>), so a squashed migration
/// only has to repeat the calls.
/// </summary>
public static class LessonSchemaSql
{
    public const string TeacherConstraint = "ex_lessons_teacher_no_overlap";
    public const string StudentConstraint = "ex_lessons_student_no_overlap";

    /// <summary>btree_gist lets a GiST index combine uuid equality with range overlap.</summary>
    public const string EnableBtreeGist = "CREATE EXTENSION IF NOT EXISTS btree_gist;";

    /// <summary>No teacher and no student has two overlapping non-cancelled lessons ([start, end) ranges).</summary>
    public const string CreateNoOverlapConstraints = """
        ALTER TABLE lessons ADD CONSTRAINT ex_lessons_teacher_no_overlap
            EXCLUDE USING gist (teacher_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
            WHERE (status <> 'Cancelled');
        ALTER TABLE lessons ADD CONSTRAINT ex_lessons_student_no_overlap
            EXCLUDE USING gist (student_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
            WHERE (status <> 'Cancelled');
        """;

    /// <summary>
    /// The non-cancelled lessons of one teacher ({0}) overlapping [{1}, {2}) other than lesson {3}. Written with the
    /// constraint's own expression and predicate so that the constraint's GiST index answers it (no scan of the
    /// teacher's past lessons).
    /// </summary>
    public const string TeacherOverlapQuery = """
        SELECT * FROM lessons
        WHERE teacher_id = {0} AND tstzrange(starts_at, ends_at, '[)') && tstzrange({1}, {2}, '[)')
          AND status <> 'Cancelled' AND id <> {3}
        """;

    /// <summary>As <see cref="TeacherOverlapQuery"/> for one student ({0}).</summary>
    public const string StudentOverlapQuery = """
        SELECT * FROM lessons
        WHERE student_id = {0} AND tstzrange(starts_at, ends_at, '[)') && tstzrange({1}, {2}, '[)')
          AND status <> 'Cancelled' AND id <> {3}
        """;

    public const string DropNoOverlapConstraints = """
        ALTER TABLE lessons DROP CONSTRAINT IF EXISTS ex_lessons_teacher_no_overlap;
        ALTER TABLE lessons DROP CONSTRAINT IF EXISTS ex_lessons_student_no_overlap;
        """;
}
