namespace CivicConnect.Data.Entities;

public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}
