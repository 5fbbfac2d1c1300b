namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The five-character suffixes of generated pod and slice names, from the alphabet the API server's name
/// generator uses (no vowels, no confusable digits). Seeded, a run creates the same names every time.
/// </summary>
internal sealed class RandomSuffix(int? seed)
{
    internal const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly Random _random = seed is { } value ? new Random(value) : new Random();

    public string Next()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[_random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
