using System.Diagnostics;
using Npgsql;

namespace TheBot.Bench;

/// <summary>
/// Seeds data at realistic size straight into PostgreSQL (set-based SQL: seconds, not hours) on a
/// database api has migrated: users with a session each, enrollments, lessons that never overlap
/// (20 a week per teacher), direct chat rooms with messages, a 100-room user and a 100-member room.
/// Deterministic ids (md5 of a name), so a re-run finds what it made. Writes the seed manifest.
/// </summary>
internal static class BenchSeeder
{
    private const int Subjects = 10;
    private const int LessonSpacingMinutes = 504; // 7 × 24 × 60 / 20: twenty lessons a week per teacher
    private const int ChatterRooms = 100;
    private const int FanOutMembers = 100;

    public static async Task<int> RunAsync(BenchSettings settings, int users, int lessons, int messages, CancellationToken cancellationToken)
    {
        var teachers = Math.Max(20, users / 50);
        var students = users - teachers - 1;
        if (students < ChatterRooms + FanOutMembers)
        {
            await Console.Error.WriteLineAsync($"Seed at least {teachers + 1 + ChatterRooms + FanOutMembers} users.");
            return 2;
        }

        var lessonsPerTeacher = Math.Max(40, lessons / teachers / 20 * 20);
        var studentsPerTeacher = students / teachers;
        var rooms = students + ChatterRooms;
        var messagesPerRoom = Math.Max(1, messages / rooms);
        var clock = Stopwatch.StartNew();

        await using var connection = new NpgsqlConnection(settings.Database);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, Sql, cancellationToken, ("teachers", teachers), ("students", students), ("subjects", Subjects),
            ("lessons_per_teacher", lessonsPerTeacher), ("students_per_teacher", studentsPerTeacher),
            ("spacing", LessonSpacingMinutes), ("chatter_rooms", ChatterRooms), ("fanout_members", FanOutMembers),
            ("messages_per_room", messagesPerRoom));
        // As autovacuum would have left tables that old: statistics, and a visibility map for index-only scans.
        await ExecuteAsync(connection, "VACUUM ANALYZE", cancellationToken);

        var manifest = new SeedManifest(
            RoomId: await ScalarAsync<Guid>(connection, "SELECT md5('bench-fanout-room')::uuid", cancellationToken),
            Poster: (await BenchUsers.LoadAsync(settings.Database, "bench-teacher-00002", 1, cancellationToken))[0],
            Members: (await BenchUsers.LoadAsync(settings.Database, "bench-student-", ChatterRooms + FanOutMembers, cancellationToken)).Skip(ChatterRooms).ToList(),
            LessonReader: (await BenchUsers.LoadAsync(settings.Database, "bench-teacher-00001", 1, cancellationToken))[0],
            ChatReader: (await BenchUsers.LoadAsync(settings.Database, "bench-chatter", 1, cancellationToken))[0]);
        manifest.Save(settings.SeedFile);

        var counts = await ScalarAsync<string>(connection,
            """
            SELECT format('%s users, %s lessons, %s chat rooms, %s messages',
                (SELECT count(*) FROM users), (SELECT count(*) FROM lessons),
                (SELECT count(*) FROM chat_rooms), (SELECT count(*) FROM chat_messages))
            """, cancellationToken);
        Console.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:F0} s: {counts}");
        return 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, int Value)[] parameters)
    {
        // Longest names first: "@students" must not eat the start of "@students_per_teacher".
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Name.Length))
        {
            sql = sql.Replace("@" + name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // Integer parameters are substituted as literals (they come from this program, not from input).
    private const string Sql = """
        BEGIN;
        INSERT INTO subjects (id, name, description, color, is_active, created_at)
        SELECT md5('bench-subject-' || i)::uuid, 'Bench subject ' || i, NULL, '#336699', true, now()
        FROM generate_series(1, @subjects) i ON CONFLICT DO NOTHING;

        CREATE TEMP TABLE bench_people ON COMMIT DROP AS
        SELECT md5('bench-teacher-' || i)::uuid AS id, format('bench-teacher-%s@bench.thebot.local', lpad(i::text, 5, '0')) AS email,
               'teacher' AS role, 'Bench Teacher ' || i AS name, i AS n
        FROM generate_series(1, @teachers) i
        UNION ALL
        SELECT md5('bench-student-' || i)::uuid, format('bench-student-%s@bench.thebot.local', lpad(i::text, 5, '0')),
               'student', 'Bench Student ' || i, i
        FROM generate_series(1, @students) i
        UNION ALL
        SELECT md5('bench-chatter')::uuid, 'bench-chatter@bench.thebot.local', 'tutor', 'Bench Chatter', 1;

        INSERT INTO users (id, full_name, role, time_zone, language, is_active, created_at, user_name, normalized_user_name,
                           email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp,
                           phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
        SELECT id, name, role, 'Europe/Moscow', 'ru', true, now(), email, upper(email), email, upper(email), true, NULL,
               md5(random()::text), md5(random()::text), false, false, true, 0
        FROM bench_people ON CONFLICT DO NOTHING;
        INSERT INTO teacher_profiles (user_id) SELECT id FROM bench_people WHERE role = 'teacher' ON CONFLICT DO NOTHING;
        INSERT INTO student_profiles (user_id) SELECT id FROM bench_people WHERE role = 'student' ON CONFLICT DO NOTHING;
        INSERT INTO tutor_profiles (user_id) SELECT id FROM bench_people WHERE role = 'tutor' ON CONFLICT DO NOTHING;
        INSERT INTO auth_sessions (id, user_id, current_token_hash, created_at, last_seen_at, expires_at, device)
        SELECT md5('bench-session-' || id)::uuid, id, decode(md5(id::text) || md5(email), 'hex'), now(), now(), now() + interval '3 days', 'bench'
        FROM bench_people ON CONFLICT DO NOTHING;

        INSERT INTO teacher_subjects (teacher_id, subject_id)
        SELECT md5('bench-teacher-' || i)::uuid, md5('bench-subject-' || ((i - 1) % @subjects + 1))::uuid
        FROM generate_series(1, @teachers) i ON CONFLICT DO NOTHING;
        -- Student j learns with teacher ((j - 1) mod T) + 1 the subject that teacher teaches.
        INSERT INTO enrollments (id, student_id, subject_id, teacher_id, status, created_by_id, created_at)
        SELECT md5('bench-enrollment-' || j)::uuid, md5('bench-student-' || j)::uuid,
               md5('bench-subject-' || (((j - 1) % @teachers) % @subjects + 1))::uuid,
               md5('bench-teacher-' || ((j - 1) % @teachers + 1))::uuid, 'Active',
               md5('bench-teacher-' || ((j - 1) % @teachers + 1))::uuid, now()
        FROM generate_series(1, @students) j ON CONFLICT DO NOTHING;

        -- Lessons: teacher t's k-th lesson starts k × spacing after a Monday, half of them in the past;
        -- one teacher never overlaps itself, and each student has lessons with one teacher only.
        INSERT INTO lessons (id, teacher_id, student_id, subject_id, starts_at, ends_at, topic, status, created_by_id, created_at, updated_at)
        SELECT md5('bench-lesson-' || t || '-' || k)::uuid,
               md5('bench-teacher-' || t)::uuid,
               md5('bench-student-' || (t + @teachers * (k % @students_per_teacher)))::uuid,
               md5('bench-subject-' || ((t - 1) % @subjects + 1))::uuid,
               s, s + interval '60 minutes', 'Bench lesson ' || k,
               CASE WHEN s < now() THEN 'Completed' ELSE 'Confirmed' END,
               md5('bench-teacher-' || t)::uuid, now(), now()
        FROM generate_series(1, @teachers) t, generate_series(0, @lessons_per_teacher - 1) k,
             LATERAL (SELECT date_trunc('week', now()) - ((@lessons_per_teacher / 2 / 20) * interval '7 days') + k * interval '@spacing minutes' AS s) x
        ON CONFLICT DO NOTHING;

        -- Direct rooms: each student with their teacher, and the chatter with the first 100 students.
        CREATE TEMP TABLE bench_rooms ON COMMIT DROP AS
        SELECT md5('bench-room-' || j)::uuid AS id, md5('bench-student-' || j)::uuid AS a, md5('bench-teacher-' || ((j - 1) % @teachers + 1))::uuid AS b
        FROM generate_series(1, @students) j
        UNION ALL
        SELECT md5('bench-chatter-room-' || j)::uuid, md5('bench-student-' || j)::uuid, md5('bench-chatter')::uuid
        FROM generate_series(1, @chatter_rooms) j;
        INSERT INTO chat_rooms (id, kind, direct_key, created_at, last_message_at)
        SELECT id, 'Direct',
               least(replace(a::text, '-', '') COLLATE "C", replace(b::text, '-', '') COLLATE "C") || ':' ||
               greatest(replace(a::text, '-', '') COLLATE "C", replace(b::text, '-', '') COLLATE "C"),
               now() - interval '30 days', now()
        FROM bench_rooms ON CONFLICT DO NOTHING;
        -- Each person has read up to their own newest message (a writes the even sequences, b the odd ones): a post
        -- moves its author's read position (ChatMessageStore), so that is where the app leaves it.
        INSERT INTO chat_participants (room_id, user_id, joined_at, last_read_sequence, last_posted_sequence, muted)
        SELECT id, a, now() - interval '30 days', x.a_own, x.a_own, false FROM bench_rooms, LATERAL (SELECT @messages_per_room - @messages_per_room % 2 AS a_own) x
        UNION ALL
        SELECT id, b, now() - interval '30 days', x.b_own, x.b_own, false FROM bench_rooms, LATERAL (SELECT greatest(0, @messages_per_room - 1 + @messages_per_room % 2) AS b_own) x
        ON CONFLICT DO NOTHING;
        INSERT INTO chat_messages (id, room_id, sequence, author_id, text, created_at)
        SELECT gen_random_uuid(), r.id, m, CASE WHEN m % 2 = 0 THEN r.a ELSE r.b END,
               'Bench message ' || m || ': when is our next lesson? Let us go through the homework first.',
               now() - interval '30 days' + m * interval '1 minute'
        FROM bench_rooms r, generate_series(1, @messages_per_room) m
        WHERE NOT EXISTS (SELECT 1 FROM chat_messages x WHERE x.room_id = r.id);
        -- Each room's newest sequence (what a post increments); unread counts follow from it (ChatUnreadCounts). The
        -- room carries its newest message as the list shows it (ChatRoom.LastMessageId…), as a post leaves it.
        UPDATE chat_rooms AS r SET last_sequence = @messages_per_room, last_message_id = m.id, last_message_author_id = m.author_id,
               last_message_text = m.text, last_message_client_message_id = m.client_message_id, last_message_created_at = m.created_at
        FROM bench_rooms AS b JOIN chat_messages AS m ON m.room_id = b.id AND m.sequence = @messages_per_room
        WHERE b.id = r.id AND r.last_sequence = 0;

        -- The fan-out room: teacher 2 and students 101–200 of a subject room.
        INSERT INTO chat_rooms (id, kind, subject_id, teacher_id, created_at, last_message_at)
        VALUES (md5('bench-fanout-room')::uuid, 'Subject', md5('bench-subject-2')::uuid, md5('bench-teacher-2')::uuid, now(), NULL)
        ON CONFLICT DO NOTHING;
        INSERT INTO chat_participants (room_id, user_id, joined_at, last_read_sequence, muted)
        SELECT md5('bench-fanout-room')::uuid, md5('bench-teacher-2')::uuid, now(), 0, false
        UNION ALL
        SELECT md5('bench-fanout-room')::uuid, md5('bench-student-' || j)::uuid, now(), 0, false
        FROM generate_series(@chatter_rooms + 1, @chatter_rooms + @fanout_members) j
        ON CONFLICT DO NOTHING;
        COMMIT;
        """;
}
