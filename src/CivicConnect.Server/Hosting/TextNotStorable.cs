using Npgsql;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// Whether PostgreSQL refused a request's text as a character it cannot store or compare (U+0000 in a comment or a
/// filter: 22021; a character the encoding lacks: 22P05). The client sent it and can fix it: a 400, not a 500, for
/// every endpoint at once; the statement failed, so nothing of the request was stored. Citizens' messages never
/// get here: the inbox strips U+0000 so nothing they sent is lost.
/// </summary>
internal static class TextNotStorable
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
            {
                return true;
            }
        }

        return false;
    }
}
