using CivicConnect.Server.Features.Privacy;

namespace CivicConnect.Server.Commands;

/// <summary><c>civic erase --phone N | --conversation ID | --report REF [--actor NAME]</c>: the same erasure as the supervisor endpoint.</summary>
internal static class EraseCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] options, CancellationToken cancellationToken)
    {
        var given = new (string Flag, ErasureSubjectKind Kind)[]
        {
            ("--phone", ErasureSubjectKind.Phone),
            ("--conversation", ErasureSubjectKind.Conversation),
            ("--report", ErasureSubjectKind.Report),
        }.Select(o => (o.Kind, Value: CivicCommands.Option(options, o.Flag))).Where(o => o.Value is not null).ToList();
        if (given.Count != 1)
        {
            await Console.Error.WriteLineAsync("error: give exactly one of --phone N, --conversation ID or --report REF");
            return 2;
        }

        var actor = CivicCommands.Option(options, "--actor") ?? $"civic erase ({Environment.UserName})";
        try
        {
            var result = await services.GetRequiredService<PersonalDataEraser>().EraseAsync(new ErasureSubject(given[0].Kind, given[0].Value!), actor, cancellationToken);
            if (result is null)
            {
                Console.WriteLine("nothing to erase: no conversation, report or request matches");
                return 1;
            }

            Console.WriteLine($"erased: {result.Conversations} conversation(s), {result.Reports} report(s) kept without personal data, {result.Messages} message(s), {result.Photos} photo(s)");
            return 0;
        }
        catch (ErasureSubjectException invalid)
        {
            await Console.Error.WriteLineAsync($"error: {invalid.Message}");
            return 2;
        }
    }
}
