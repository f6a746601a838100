using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <summary>
    /// The one "lessonChanged" notification setting becomes four (booked, moved, confirmed, cancelled): whoever had
    /// switched lesson changes off keeps all four off. Data only; the model does not change.
    /// </summary>
    [DbContext(typeof(TheBotDbContext))]
    [Migration("20261206000500_LessonChangeNotificationTypes")]
    public partial class LessonChangeNotificationTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE notification_settings
                SET disabled_types = array_remove(disabled_types, 'lessonChanged')
                    || ARRAY['lessonBooked', 'lessonMoved', 'lessonConfirmed', 'lessonCancelled']::text[]
                WHERE 'lessonChanged' = ANY(disabled_types);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE notification_settings
                SET disabled_types = array_remove(array_remove(array_remove(array_remove(disabled_types,
                        'lessonBooked'), 'lessonMoved'), 'lessonConfirmed'), 'lessonCancelled') || ARRAY['lessonChanged']::text[]
                WHERE disabled_types && ARRAY['lessonBooked', 'lessonMoved', 'lessonConfirmed', 'lessonCancelled']::text[];
                """);
        }
    }
}
