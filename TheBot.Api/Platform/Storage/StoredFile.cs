using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// A file in the content store and who uploaded it: the ledger that quotas count (the sum of a
/// person's rows) and that the removal job walks. Features refer to files by <see cref="Key"/> from
/// their own rows; a file no row refers to any more is removed by RemoveUnreferencedFilesJob.
/// </summary>
public sealed class StoredFile
{
    public required string Key { get; set; }

    public Guid OwnerId { get; set; }

    public long Length { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("stored_files", t => t.HasCheckConstraint("ck_stored_files_length", "length >= 0"));
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(200);
        // The owner (a user) is tied to it from the users' side: Platform knows no feature.
        // A person's usage from the index alone.
        builder.HasIndex(f => f.OwnerId).IncludeProperties(f => f.Length);
        builder.HasIndex(f => f.CreatedAt);
    }
}
