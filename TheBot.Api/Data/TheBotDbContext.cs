using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Features.Applications;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Billing;
using TheBot.Api.Features.Chat;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Materials;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Notifications.Broadcasts;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.ParentInvitations;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.Progress;
using TheBot.Api.Features.Push;
using TheBot.Api.Features.Knowledge;
using TheBot.Api.Features.StudyPlans;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Telegram;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Storage;

namespace TheBot.Api.Data;

/// <summary>The one database of the platform; each feature brings its own entity configuration.</summary>
public sealed class TheBotDbContext(DbContextOptions<TheBotDbContext> options) : IdentityUserContext<User, Guid>(options)
{
    public DbSet<StudentProfile> StudentProfiles => Set<StudentProfile>();

    public DbSet<StudentParent> StudentParents => Set<StudentParent>();

    public DbSet<ParentInvitation> ParentInvitations => Set<ParentInvitation>();

    public DbSet<TeacherProfile> TeacherProfiles => Set<TeacherProfile>();

    public DbSet<TutorProfile> TutorProfiles => Set<TutorProfile>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();

    public DbSet<SignupApplication> SignupApplications => Set<SignupApplication>();

    public DbSet<Subject> Subjects => Set<Subject>();

    public DbSet<TeacherSubject> TeacherSubjects => Set<TeacherSubject>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<LessonHistoryEntry> LessonHistory => Set<LessonHistoryEntry>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<SubmissionFile> SubmissionFiles => Set<SubmissionFile>();

    public DbSet<AssignmentRecipient> AssignmentRecipients => Set<AssignmentRecipient>();

    public DbSet<AssignmentAttempt> AssignmentAttempts => Set<AssignmentAttempt>();

    public DbSet<AssignmentQuestion> AssignmentQuestions => Set<AssignmentQuestion>();

    public DbSet<SubmissionAnswer> SubmissionAnswers => Set<SubmissionAnswer>();

    public DbSet<TeacherReport> TeacherReports => Set<TeacherReport>();

    public DbSet<TutorReport> TutorReports => Set<TutorReport>();

    public DbSet<TutorReportNote> TutorReportNotes => Set<TutorReportNote>();

    public DbSet<Material> Materials => Set<Material>();

    public DbSet<MaterialRecipient> MaterialRecipients => Set<MaterialRecipient>();

    public DbSet<MaterialProgress> MaterialProgress => Set<MaterialProgress>();

    public DbSet<MaterialQuestion> MaterialQuestions => Set<MaterialQuestion>();

    public DbSet<MaterialQuestionReply> MaterialQuestionReplies => Set<MaterialQuestionReply>();

    public DbSet<StudyPlan> StudyPlans => Set<StudyPlan>();

    public DbSet<StudyPlanItem> StudyPlanItems => Set<StudyPlanItem>();

    public DbSet<KnowledgeElement> KnowledgeElements => Set<KnowledgeElement>();

    public DbSet<KnowledgeLesson> KnowledgeLessons => Set<KnowledgeLesson>();

    public DbSet<KnowledgeLessonElement> KnowledgeLessonElements => Set<KnowledgeLessonElement>();

    public DbSet<KnowledgeGraph> KnowledgeGraphs => Set<KnowledgeGraph>();

    public DbSet<KnowledgeNode> KnowledgeNodes => Set<KnowledgeNode>();

    public DbSet<KnowledgeEdge> KnowledgeEdges => Set<KnowledgeEdge>();

    public DbSet<KnowledgeProgress> KnowledgeProgress => Set<KnowledgeProgress>();

    public DbSet<KnowledgeAttempt> KnowledgeAttempts => Set<KnowledgeAttempt>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceStatusChange> InvoiceStatusHistory => Set<InvoiceStatusChange>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();

    public DbSet<SandboxPayment> SandboxPayments => Set<SandboxPayment>();

    public DbSet<SubjectPrice> SubjectPrices => Set<SubjectPrice>();

    public DbSet<EnrollmentPriceOverride> EnrollmentPriceOverrides => Set<EnrollmentPriceOverride>();

    public DbSet<BillingPeriod> BillingPeriods => Set<BillingPeriod>();

    public DbSet<BillingSubscription> BillingSubscriptions => Set<BillingSubscription>();

    public DbSet<SubscriptionCharge> SubscriptionCharges => Set<SubscriptionCharge>();

    public DbSet<InvoiceRefund> InvoiceRefunds => Set<InvoiceRefund>();

    public DbSet<ChatRoom> ChatRooms => Set<ChatRoom>();

    public DbSet<ChatParticipant> ChatParticipants => Set<ChatParticipant>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<PushSubscriptionEntry> PushSubscriptions => Set<PushSubscriptionEntry>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<TelegramLinkToken> TelegramLinkTokens => Set<TelegramLinkToken>();

    public DbSet<TelegramChat> TelegramChats => Set<TelegramChat>();

    public DbSet<TelegramInvoiceMessage> TelegramInvoiceMessages => Set<TelegramInvoiceMessage>();

    public DbSet<TelegramPost> TelegramPosts => Set<TelegramPost>();

    public DbSet<FamilyWelcomeMail> FamilyWelcomeMails => Set<FamilyWelcomeMail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        base.OnModelCreating(builder);

        builder.HasPostgresExtension("btree_gist");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasSequence<long>("invoice_numbers");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(TheBotDbContext).Assembly);
    }
}
