using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueDescriptionVectorConfiguration : IEntityTypeConfiguration<IssueDescriptionVector>
{
    public void Configure(EntityTypeBuilder<IssueDescriptionVector> builder)
    {
        builder.ToTable("issue_description_vectors");
        builder.HasKey(v => v.IssueId);
        builder.Property(v => v.DescriptionMd5).HasMaxLength(32);
        builder.Property(v => v.Vector).HasColumnType("real[]");
        builder.HasOne<Issue>().WithOne().HasForeignKey<IssueDescriptionVector>(v => v.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}
