using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.Property(d => d.Name).HasJsonbConversion();
        builder.Property(d => d.ContactEmail).HasMaxLength(320);
        builder.Property(d => d.ContactPhone).HasMaxLength(32);
        builder.Property(d => d.WebhookUrl).HasMaxLength(2000);
        builder.Property(d => d.NewReports).HasConversion<string>().HasMaxLength(16).HasDefaultValue(NewReportNotice.Off);
        builder.Property(d => d.Locale).HasMaxLength(8).HasDefaultValue("en");
    }
}
