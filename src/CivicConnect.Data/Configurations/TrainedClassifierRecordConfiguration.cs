using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class TrainedClassifierRecordConfiguration : IEntityTypeConfiguration<TrainedClassifierRecord>
{
    public void Configure(EntityTypeBuilder<TrainedClassifierRecord> builder)
    {
        builder.ToTable("trained_classifiers");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(100);
    }
}
