namespace CivicConnect.Intelligence.Photos;

/// <summary>The gallery photos the published classifier version includes (supervisors add and remove them through versions).</summary>
public interface IActiveGallery
{
    ValueTask<IReadOnlySet<long>> GetPhotoIdsAsync(CancellationToken cancellationToken);
}
