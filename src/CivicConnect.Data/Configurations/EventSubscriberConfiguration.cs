using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class EventSubscriberConfiguration : IEntityTypeConfiguration<EventSubscriber>
{
    public void Configure(EntityTypeBuilder<EventSubscriber> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);

        // A department that still has subscribers cannot be deleted by accident.
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DepartmentId);
    }
}
