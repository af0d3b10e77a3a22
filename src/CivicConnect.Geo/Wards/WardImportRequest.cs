namespace CivicConnect.Geo.Wards;

/// <param name="CodeProperty">Feature property holding the ward's code (Calgary: <c>ward_num</c>).</param>
/// <param name="NameProperty">Feature property holding its display name (Calgary: <c>label</c>).</param>
public sealed record WardImportRequest(string CodeProperty, string NameProperty);

public sealed record WardImportResult(int Imported, int Repaired);
