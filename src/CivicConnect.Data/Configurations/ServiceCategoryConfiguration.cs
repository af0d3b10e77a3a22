using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasJsonbConversion();
        builder.Property(c => c.Description).HasJsonbConversion();
        builder.Property(c => c.Group).HasJsonbConversion();
        builder.Property(c => c.Keywords).HasJsonbConversion();
        builder.Property(c => c.UrgentKeywords).HasJsonbConversion();
        builder.Property(c => c.DefaultPriority).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(c => c.Department).WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
